package io.shoudan.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a refund or void record: PENDING → SUCCEEDED | FAILED. A record stays PENDING while the
 * channel's answer is unknown; its amount stays reserved so no other refund can take it meanwhile.
 */
public enum RefundStatus {
    PENDING, SUCCEEDED, FAILED;

    public Set<RefundStatus> next() {
        return this == PENDING ? EnumSet.of(SUCCEEDED, FAILED) : EnumSet.noneOf(RefundStatus.class);
    }

    /** @throws IllegalStateException naming both states when the move is not PENDING → SUCCEEDED | FAILED */
    public RefundStatus requireMove(RefundStatus target) {
        if (!next().contains(target)) {
            throw new IllegalStateException("illegal refund transition " + this + " → " + target);
        }
        return target;
    }
}
