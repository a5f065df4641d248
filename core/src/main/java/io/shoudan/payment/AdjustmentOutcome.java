package io.shoudan.payment;

import io.shoudan.reason.Reason;

import java.util.List;

/** The answer to a void or a refund (or to its retry). */
public sealed interface AdjustmentOutcome {

    /** The money went back to the consumer. */
    record Done(Refund refund, Payment payment) implements AdjustmentOutcome {
    }

    /** The channel refused; {@code refund.failure()} says why. */
    record Refused(Refund refund, Payment payment) implements AdjustmentOutcome {
    }

    /** The channel's answer is unknown; the amount stays reserved and recovery retries with the same refund id. */
    record StillPending(Refund refund, Payment payment) implements AdjustmentOutcome {
    }

    /** Not accepted and nothing stored: above what is left, void after settlement, changed retry, unknown original. */
    record Rejected(List<Reason> reasons) implements AdjustmentOutcome {
        public Rejected {
            reasons = List.copyOf(reasons);
        }
    }

    static AdjustmentOutcome of(Refund refund, Payment payment) {
        return switch (refund.status()) {
            case SUCCEEDED -> new Done(refund, payment);
            case FAILED -> new Refused(refund, payment);
            case PENDING -> new StillPending(refund, payment);
        };
    }
}
