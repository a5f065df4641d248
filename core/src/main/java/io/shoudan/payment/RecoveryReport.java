package io.shoudan.payment;

import java.util.List;

/** What a {@code recover()} run did: each unresolved payment's and each pending refund's outcome. */
public record RecoveryReport(List<SaleOutcome> payments, List<AdjustmentOutcome> refunds) {

    public RecoveryReport {
        payments = List.copyOf(payments);
        refunds = List.copyOf(refunds);
    }

    /** How many payments are still unknown after the run (the channel could not be reached, or the node is stopping). */
    public long stillUnknown() {
        return payments.stream().filter(outcome -> outcome instanceof SaleOutcome.StillUnknown).count();
    }
}
