package io.shoudan.payment;

import java.util.regex.Pattern;

/** The id the terminal or merchant system gives a request: a terminal's batch and trace ({@code 000001-000123}) or a merchant's {@code out_trade_no} / {@code out_request_no}. Unique per merchant; it is the idempotency key. */
public record RequestId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public RequestId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + value + "\" is not a RequestId ([A-Za-z0-9_.-]{1,64})");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
