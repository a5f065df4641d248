package io.shoudan.store.terminal8583;

import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentState;

import java.util.Objects;

/**
 * One entry of a batch with, for a sale, its payment as it stands: {@code sale}, {@code saleState} and
 * {@code settled} are null / false for a void, a refund, or a sale whose payment is not found.
 */
public record BatchLine(BatchEntry entry, PaymentId sale, PaymentState saleState, boolean settled) {
    public BatchLine {
        Objects.requireNonNull(entry, "entry");
        if ((sale == null) != (saleState == null)) {
            throw new IllegalArgumentException("a batch line names its sale's payment and state together");
        }
    }
}
