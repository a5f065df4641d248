package io.shoudan.payment;

import io.shoudan.ledger.TransactionRef;

import java.util.regex.Pattern;

/** A refund or void record's id, also the channel's {@code out_request_no}; the same on every retry of the refund. */
public record RefundId(String value) implements TransactionRef {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public RefundId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + value + "\" is not a RefundId ([A-Za-z0-9_-]{1,64})");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
