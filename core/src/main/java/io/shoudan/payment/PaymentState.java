package io.shoudan.payment;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The life of a payment. The transition table below is the whole truth; {@link #requireMove} fails
 * loudly on anything else.
 *
 * <pre>
 * CREATED    → PROCESSING | DECLINED          DECLINED: the eligibility gate (or pricing) refused it; no channel was asked
 * CREATED    → REVERSED                       the terminal's reversal arrived first ({@link EarlyReversal}); no channel was asked
 * PROCESSING → SUCCEEDED | FAILED | UNKNOWN   FAILED: the channel refused it; UNKNOWN: timeout, system error, consumer confirming
 * UNKNOWN    → SUCCEEDED | FAILED | REVERSED  SUCCEEDED/FAILED: a query proved it paid / closed unpaid;
 *                                             REVERSED: queries never settled it, so it was cancelled / reversed
 * SUCCEEDED  → VOIDED | PARTIALLY_REFUNDED | REFUNDED
 * PARTIALLY_REFUNDED → PARTIALLY_REFUNDED | REFUNDED
 * </pre>
 *
 * A payment left PROCESSING by a crash is moved to UNKNOWN first and then settled like any other
 * unknown outcome, so PROCESSING never jumps straight to REVERSED; only a sale that was never sent, because its
 * reversal came first, is REVERSED from CREATED.
 */
public enum PaymentState {
    CREATED, PROCESSING, UNKNOWN, SUCCEEDED, FAILED, DECLINED, REVERSED, VOIDED, PARTIALLY_REFUNDED, REFUNDED;

    private static final Map<PaymentState, Set<PaymentState>> NEXT;

    static {
        Map<PaymentState, Set<PaymentState>> next = new EnumMap<>(PaymentState.class);
        for (PaymentState state : values()) {
            next.put(state, EnumSet.noneOf(PaymentState.class));
        }
        next.get(CREATED).addAll(EnumSet.of(PROCESSING, DECLINED, REVERSED));
        next.get(PROCESSING).addAll(EnumSet.of(SUCCEEDED, FAILED, UNKNOWN));
        next.get(UNKNOWN).addAll(EnumSet.of(SUCCEEDED, FAILED, REVERSED));
        next.get(SUCCEEDED).addAll(EnumSet.of(VOIDED, PARTIALLY_REFUNDED, REFUNDED));
        next.get(PARTIALLY_REFUNDED).addAll(EnumSet.of(PARTIALLY_REFUNDED, REFUNDED));
        next.replaceAll((state, targets) -> Collections.unmodifiableSet(targets));
        NEXT = Collections.unmodifiableMap(next);
    }

    /** The states this one may move to, per the table. */
    public Set<PaymentState> next() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(PaymentState target) {
        return NEXT.get(this).contains(target);
    }

    /** @throws IllegalStateException naming both states when the table does not allow the move */
    public PaymentState requireMove(PaymentState target) {
        if (!canMoveTo(target)) {
            throw new IllegalStateException("illegal payment transition " + this + " → " + target
                    + " (allowed from " + this + ": " + (next().isEmpty() ? "none, it is final" : next()) + ")");
        }
        return target;
    }

    /** True while the channel's answer is not settled: a start-up recovery must take the payment on. */
    public boolean isUnresolved() {
        return this == PROCESSING || this == UNKNOWN;
    }

    /**
     * True when the payment's amount counts against the merchant's limits: money taken (even if
     * refunded since — limits are on what was charged) and money possibly being taken (PROCESSING,
     * UNKNOWN), so concurrent payments cannot together overrun a cap. A void cancels the sale before
     * settlement, so a VOIDED payment took nothing, like DECLINED, FAILED and REVERSED ones. Only an
     * insert enters this set (as PROCESSING); a payment leaves it only for a final state.
     */
    public boolean countsAsUsage() {
        return this == PROCESSING || this == UNKNOWN || this == SUCCEEDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    /**
     * True while some of the consumer's money is still taken: SUCCEEDED or PARTIALLY_REFUNDED. What a refund can give
     * back, and what a terminal's reversal that ends here failed to give back.
     */
    public boolean holdsMoney() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED;
    }

    /** True when a void may take it (an untouched SUCCEEDED sale; the payment adds its own conditions: no refund, not settled, same day). */
    public boolean canBeVoided() {
        return this == SUCCEEDED;
    }

    /** True when a refund may take it: money is still held ({@link #holdsMoney}). */
    public boolean canBeRefunded() {
        return holdsMoney();
    }

    /**
     * True when a terminal's reversal (冲正) acts on it: an unresolved sale is cancelled, a voidable one voided. Any other
     * has ended, and the reversal only reports it.
     */
    public boolean canBeReversed() {
        return isUnresolved() || canBeVoided();
    }

    /**
     * True when a sale in this state counts in a terminal's settlement totals: money was taken and not cancelled
     * (voided or reversed); a refund since is a separate entry of its own.
     */
    public boolean countsInSettlement() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    /** The states {@code rule} holds for, in declaration order: e.g. a store's SQL list of unresolved states. */
    public static List<PaymentState> where(Predicate<PaymentState> rule) {
        return EnumSet.allOf(PaymentState.class).stream().filter(rule).toList();
    }

    /** True once the money was taken, whatever was given back since. */
    public boolean wasCaptured() {
        return this == SUCCEEDED || this == VOIDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    /** True when no transition leads out. */
    public boolean isFinal() {
        return next().isEmpty();
    }
}
