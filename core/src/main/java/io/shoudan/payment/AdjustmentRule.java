package io.shoudan.payment;

import io.shoudan.reason.Reason;

import java.time.Instant;
import java.util.Set;

/**
 * One refusal of a void or a refund: the kinds it applies to, when it refuses, and the reason it then gives. The
 * rules are checked in the order of {@link AdjustmentRules#ALL}; the first that refuses answers.
 */
record AdjustmentRule(String name, Set<RefundKind> kinds, Refuses refuses, Explains reason) {

    @FunctionalInterface
    interface Refuses {
        boolean test(RefundRequest request, Payment payment, Instant now);
    }

    @FunctionalInterface
    interface Explains {
        Reason of(RefundRequest request, Payment payment, Instant now);
    }

    boolean appliesTo(RefundKind kind) {
        return kinds.contains(kind);
    }

    @Override
    public String toString() {
        return name;
    }
}
