package io.shoudan.payment;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Payments this node is working on: a sale waiting for its channel or resolving an unknown outcome, a
 * payment a recovery run or a terminal's reversal has taken on. A recovery run or a reversal leaves them
 * alone, whatever their age: two threads settling one payment could each act at the channel (one finds it
 * paid, the other cancels it) and only one of them could be written. Across nodes the store's claim does the
 * same ({@link #whileClaimed}); the claim's owner is the node, so within it this set is what keeps threads apart.
 */
final class InProgress {

    private final Set<PaymentId> working = ConcurrentHashMap.newKeySet();
    private final PaymentStore store;
    /** This node, as the owner of its claims on payments in the store ({@link PaymentStore#claim}). */
    private final String owner;
    private final Clock clock;

    InProgress(PaymentStore store, String owner, Clock clock) {
        if (owner == null || owner.isBlank() || owner.length() > 64) {
            throw new IllegalArgumentException("a node name is 1-64 characters, got " + owner);
        }
        this.store = store;
        this.owner = owner;
        this.clock = clock;
    }

    /** False when another thread of this node is already working on the payment. */
    boolean take(PaymentId payment) {
        return working.add(payment);
    }

    void release(PaymentId payment) {
        working.remove(payment);
    }

    /**
     * Runs {@code work} on an unresolved payment while this node holds its claim in the store, so that no other
     * node acts on it at the channel meanwhile; empty when another node holds it. The work extends the claim before
     * each step at the channel ({@link PaymentClaim}); it is released after. A node that dies holding one leaves the
     * payment to the others once the step it was in has ended.
     */
    Optional<SaleOutcome> whileClaimed(Payment payment, Function<PaymentClaim, SaleOutcome> work) {
        Optional<PaymentClaim> claim = PaymentClaim.take(store, payment.id(), owner, clock);
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.apply(claim.get()));
        } finally {
            claim.get().release();
        }
    }
}
