package io.shoudan.store.terminal8583;

import io.shoudan.money.Money;
import io.shoudan.payment.PaymentState;

import java.util.Objects;

/**
 * The entries of one kind in a batch, summed: for sales, those whose payment is in {@code saleState} (null for a sale
 * whose payment is not found, and always for voids and refunds, which name no sale of their own).
 */
public record BatchSum(BatchEntry.Kind kind, PaymentState saleState, int count, Money amount) {
    public BatchSum {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        if (count <= 0) {
            throw new IllegalArgumentException("a batch sum counts at least one entry, was " + count);
        }
    }
}
