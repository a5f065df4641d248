package io.shoudan.payment;

import io.shoudan.reason.Reason;

import java.util.List;

/**
 * The answer to a terminal's reversal (0400) of its own void or refund ({@link PaymentService#reverseAdjustment}).
 * A void or refund that gave the money back is not undone: Alipay and WeChat Pay return the money to the consumer
 * for good (they have no "cancel a refund"), so taking it again would be a new sale the consumer never agreed to;
 * and {@link ChannelGateway} has no call that would reverse a UnionPay card void at the network.
 */
public sealed interface AdjustmentReversal {

    /** Nothing was given back (the void or refund failed), so nothing needs undoing; the sale stands as it is. */
    record NothingGivenBack(Refund refund, Payment payment) implements AdjustmentReversal {
    }

    /** The void or refund had not arrived: noted, so that it is refused when it does; nothing was given back. */
    record ReversedBeforeArrival(EarlyReversal note) implements AdjustmentReversal {
    }

    /** Its answer is not known yet; the terminal repeats the reversal, and the next one finds it settled. */
    record StillPending(Refund refund, Payment payment) implements AdjustmentReversal {
    }

    /** Refused, and nothing changed: the money went back and stays back, or the id names no void or refund. */
    record Refused(List<Reason> reasons) implements AdjustmentReversal {
        public Refused {
            reasons = List.copyOf(reasons);
        }
    }
}
