package io.shoudan.payment;

import io.shoudan.ledger.TransactionRef;

import java.util.regex.Pattern;

/** A payment's id, also the {@code out_trade_no} sent to the channel, so it is unique across merchants. e.g. {@code P20261123000001}. */
public record PaymentId(String value) implements TransactionRef {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public PaymentId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + value + "\" is not a PaymentId ([A-Za-z0-9_-]{1,64})");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
