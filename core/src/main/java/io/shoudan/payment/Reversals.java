package io.shoudan.payment;

import io.shoudan.merchant.MerchantId;
import io.shoudan.money.Money;
import io.shoudan.reason.Reason;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A terminal's reversals (冲正, 0400): of a sale it got no answer for, and of its own void or refund — including
 * reversals that arrive before what they reverse ({@link EarlyReversal}).
 */
record Reversals(PaymentStore store, StoredPayments stored, Gateways gateways, InProgress inProgress,
                 UnknownOutcomeResolver resolver, Adjustments adjustments, Clock clock) {

    /** See {@link PaymentService#reverse}. */
    SaleOutcome reverse(MerchantId merchant, RequestId original, RequestId request, Money amount) {
        IdempotencyKey key = new IdempotencyKey(merchant, original);
        Optional<Payment> found = stored.query(merchant, original);
        if (found.isEmpty()) {
            EarlyReversal note = new EarlyReversal(key, request, amount, clock.instant());
            Optional<IdempotencyRecord> taken = store.noteEarlyReversal(note);
            if (taken.isEmpty()) {
                return new SaleOutcome.ReversedBeforeArrival(note);
            }
            switch (taken.get().operation()) {
                case REVERSAL -> {
                    return new SaleOutcome.ReversedBeforeArrival(store.findEarlyReversal(key).orElse(note));
                }
                case VOID, REFUND -> {
                    return new SaleOutcome.Rejected(List.of(Reason.of(
                            new PaymentRefusal.WrongTransactionType(original, taken.get().operation()))));
                }
                case SALE -> {
                    // the sale arrived between the look-up and the note: reverse it as any other
                    found = store.findPayment(taken.get().payment());
                }
            }
        }
        Payment payment = found.orElseThrow(() -> new IllegalStateException("idempotency key " + key + " names a missing sale"));
        if (!payment.state().canBeReversed()) {
            return SaleOutcome.of(payment);
        }
        ChannelGateway gateway = gateways.of(payment);
        if (payment.state().isUnresolved() && gateway != null) {
            return cancelUnresolved(payment, gateway);
        }
        if (payment.state().canBeVoided()) {
            AdjustmentOutcome voided = adjustments.voidSale(merchant, request, original);
            if (voided instanceof AdjustmentOutcome.Rejected rejected) {
                return new SaleOutcome.Rejected(rejected.reasons());
            }
            return SaleOutcome.of(store.findPayment(payment.id()).orElseThrow());
        }
        return SaleOutcome.of(payment);
    }

    /** An unresolved sale is cancelled at once, without querying. */
    private SaleOutcome cancelUnresolved(Payment payment, ChannelGateway gateway) {
        if (!inProgress.take(payment.id())) {
            // This node is still on it (the sale's own query loop, a recovery run). Cancelling beside it could
            // return the money while that work stores SUCCEEDED; the terminal repeats its reversal until it
            // gets an answer, and the next one finds the sale ended (voided if it succeeded).
            return SaleOutcome.of(payment);
        }
        try {
            // another node still on it (its sale's query loop) holds the claim: the same answer, for the same reason
            return inProgress.whileClaimed(payment, claim -> resolver.asUnknown(payment, "TERMINAL_REVERSAL",
                            unknown -> resolver.cancel(unknown, gateway, claim)))
                    .orElseGet(() -> SaleOutcome.of(stored.current(payment)));
        } finally {
            inProgress.release(payment.id());
        }
    }

    /** See {@link PaymentService#reverseAdjustment}. */
    AdjustmentReversal reverseAdjustment(MerchantId merchant, RequestId original, RequestId request, Money amount) {
        IdempotencyKey key = new IdempotencyKey(merchant, original);
        Optional<IdempotencyRecord> record = store.findKey(key);
        if (record.isEmpty()) {
            EarlyReversal note = new EarlyReversal(key, request, amount, clock.instant());
            record = store.noteEarlyReversal(note);
            if (record.isEmpty()) {
                return new AdjustmentReversal.ReversedBeforeArrival(note);
            }
        }
        IdempotencyRecord found = record.get();
        return switch (found.operation()) {
            case REVERSAL -> new AdjustmentReversal.ReversedBeforeArrival(store.findEarlyReversal(key).orElseThrow(() ->
                    new IllegalStateException("idempotency key " + key + " is held by a reversal that is not stored")));
            case SALE -> new AdjustmentReversal.Refused(List.of(Reason.of(
                    new PaymentRefusal.WrongTransactionType(original, Operation.SALE))));
            case VOID, REFUND -> reversalOf(found, original);
        };
    }

    private AdjustmentReversal reversalOf(IdempotencyRecord adjustment, RequestId original) {
        Refund refund = store.findRefund(adjustment.refund()).orElseThrow(() ->
                new IllegalStateException("idempotency key " + adjustment.key() + " points at missing refund " + adjustment.refund()));
        Payment payment = store.findPayment(refund.payment()).orElseThrow();
        return switch (refund.status()) {
            case FAILED -> new AdjustmentReversal.NothingGivenBack(refund, payment);
            case PENDING -> new AdjustmentReversal.StillPending(refund, payment);
            case SUCCEEDED -> new AdjustmentReversal.Refused(List.of(Reason.of(
                    new PaymentRefusal.AdjustmentNotReversible(original, adjustment.operation(), payment.id(), payment.state()))));
        };
    }
}
