package io.shoudan.payment;

/** What {@link PaymentStore#insertRefund} did; only {@link Inserted} wrote anything. */
public sealed interface RefundInsertion {

    /** The refund, its key and the payment's reservation are stored. */
    record Inserted() implements RefundInsertion {
    }

    /** The request's key was already held (by {@code holder}): the first request, or another operation under the same id. */
    record KeyTaken(IdempotencyRecord holder) implements RefundInsertion {
    }

    /** The payment changed since it was read (another refund reserved first): re-read and decide again. */
    record LostRace() implements RefundInsertion {
    }
}
