package io.shoudan.payment;

import io.shoudan.reason.Reason;

import java.util.List;

/**
 * The answer to a sale (or to its retry, or to a reversal of it). Every case but {@link Rejected}
 * carries the payment as stored; switch exhaustively.
 */
public sealed interface SaleOutcome {

    /** The money was taken (the payment may have been refunded or voided since, on a later retry). */
    record Succeeded(Payment payment) implements SaleOutcome {
    }

    /** The channel refused; {@code payment.failure()} has the reason and the raw code. */
    record Failed(Payment payment) implements SaleOutcome {
    }

    /** The gate refused before any channel was asked; {@code payment.verdict()} has every reason. */
    record Declined(Payment payment) implements SaleOutcome {
    }

    /** The outcome was unknown and the payment was cancelled / reversed; no money stays with the merchant. */
    record Reversed(Payment payment) implements SaleOutcome {
    }

    /** Still unknown (the query loop and the cancels were exhausted, or the node is stopping); recovery will finish it. */
    record StillUnknown(Payment payment) implements SaleOutcome {
    }

    /**
     * A reversal found no sale to reverse: noted ({@link EarlyReversal}), so that the sale, if it still arrives, ends
     * REVERSED without being charged. Nothing was taken. Only {@link PaymentService#reverse} answers this.
     */
    record ReversedBeforeArrival(EarlyReversal note) implements SaleOutcome {
    }

    /** Not accepted at all and nothing stored: a changed retry ({@code OPERATION.DUPLICATE_REQUEST}) and the like. */
    record Rejected(List<Reason> reasons) implements SaleOutcome {
        public Rejected {
            reasons = List.copyOf(reasons);
        }
    }

    static SaleOutcome of(Payment payment) {
        return switch (payment.state()) {
            case SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED, VOIDED -> new Succeeded(payment);
            case FAILED -> new Failed(payment);
            case DECLINED -> new Declined(payment);
            case REVERSED -> new Reversed(payment);
            case CREATED, PROCESSING, UNKNOWN -> new StillUnknown(payment);
        };
    }
}
