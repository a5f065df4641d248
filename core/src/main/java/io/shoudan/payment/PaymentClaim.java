package io.shoudan.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * This node's claim in the store ({@link PaymentStore#claim}) on one unresolved payment it acts on at the channel,
 * extended one step at a time. Before each wait-and-call of the unknown-outcome protocol (a query after its delay, a
 * cancel after its retry delay) the claim is made to last through that wait, the call at its longest, and as long
 * again for the write of its answer ({@link #STEP_AFTER_WAIT}), and no further.
 *
 * <p>So a node that dies holding a claim keeps the other nodes off the payment only until the end of the step it was
 * in: at most a minute and its plan's longest wait (66 s for Alipay), not for the whole plan at its longest (10 min
 * 12 s). And a node that can no longer extend its claim (it lapsed and another node took it, or the store cannot be
 * reached) stops acting on the payment at the channel: the other node's query or cancel is then the only one.
 */
final class PaymentClaim {

    /** What a step lasts after its wait: the call at its longest, then as long again for writing its answer. */
    static final Duration STEP_AFTER_WAIT = PaymentService.CALL_TIMEOUT_BOUND.multipliedBy(2);

    private final PaymentStore store;
    private final PaymentId payment;
    private final String owner;
    private final Clock clock;

    private PaymentClaim(PaymentStore store, PaymentId payment, String owner, Clock clock) {
        this.store = store;
        this.payment = payment;
        this.owner = owner;
        this.clock = clock;
    }

    /**
     * Claims the payment for {@code owner} through its first step without a wait (a write and a call); empty when
     * another owner holds it or it is no longer unresolved.
     */
    static Optional<PaymentClaim> take(PaymentStore store, PaymentId payment, String owner, Clock clock) {
        PaymentClaim claim = new PaymentClaim(store, payment, owner, clock);
        Instant now = clock.instant();
        return store.claim(payment, owner, now.plus(STEP_AFTER_WAIT), now) ? Optional.of(claim) : Optional.empty();
    }

    /**
     * Extends the claim through a wait of {@code wait} and the step after it. False when it could not be: another
     * owner holds it now (this one lapsed), the payment was settled meanwhile, or the store did not answer. The
     * caller must then not call the channel for the payment again.
     */
    boolean coverNext(Duration wait) {
        Instant now = clock.instant();
        try {
            return store.claim(payment, owner, now.plus(wait).plus(STEP_AFTER_WAIT), now);
        } catch (RuntimeException storeAway) {
            return false;
        }
    }

    /** Ends the claim; one that cannot be ended (the store away) simply lapses at the end of its step. */
    void release() {
        try {
            store.release(payment, owner);
        } catch (RuntimeException storeAway) {
            // it lapses by itself
        }
    }
}
