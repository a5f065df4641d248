package io.shoudan.payment;

import io.shoudan.fee.FeeReturns;
import io.shoudan.fee.FeeSplit;
import io.shoudan.merchant.MerchantId;
import io.shoudan.money.Money;
import io.shoudan.reason.Reason;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Voids and refunds: checked against {@link AdjustmentRules} in order, stored PENDING with the amount reserved on the
 * payment (the insert claims the request id; a retry is answered from the first), then sent to the channel, unknown
 * answers retried with the same refund id; one still unknown stays PENDING for recovery.
 */
record Adjustments(PaymentStore store, StoredPayments stored, Gateways gateways, IdSource ids, Clock clock, Pause pause) {

    private static final int RACE_RETRIES_MAX = 5;

    /** Voids a sale on its business day, before settlement: the whole amount goes back, with the whole fee. */
    AdjustmentOutcome voidSale(MerchantId merchant, RequestId request, RequestId original) {
        Money amount = stored.query(merchant, original).map(Payment::amount).orElse(Money.ZERO);
        return adjust(new RefundRequest(merchant, request, original, RefundKind.VOID, amount));
    }

    /** Refunds part or all of what is left of a sale; the fee comes back in proportion ({@link FeeReturns}). */
    AdjustmentOutcome refund(RefundRequest request) {
        return adjust(request);
    }

    private AdjustmentOutcome adjust(RefundRequest request) {
        IdempotencyKey key = new IdempotencyKey(request.merchant(), request.request());
        for (int race = 0; race < RACE_RETRIES_MAX; race++) {
            Optional<AdjustmentOutcome> replayed = replayAdjustment(key, request);
            if (replayed.isPresent()) {
                return replayed.get();
            }
            Optional<Payment> original = stored.query(request.merchant(), request.original());
            if (original.isEmpty()) {
                return new AdjustmentOutcome.Rejected(List.of(Reason.of(new PaymentRefusal.OriginalNotFound(request.original()))));
            }
            Payment payment = original.get();
            Instant now = clock.instant();
            Optional<Reason> refusal = AdjustmentRules.firstRefusal(request, payment, now);
            if (refusal.isPresent()) {
                return new AdjustmentOutcome.Rejected(List.of(refusal.get()));
            }
            Refund refund = Refund.pending(ids.newRefundId(), payment, request.request(), request.kind(), request.amount(), now);
            Payment reserving = payment.reserve(request.amount(), now);
            switch (store.insertRefund(refund, reserving)) {
                case RefundInsertion.Inserted inserted -> {
                    return execute(refund);
                }
                case RefundInsertion.KeyTaken taken -> {
                    // a retry (or another request under the same id) got there first: answered as a replay
                }
                case RefundInsertion.LostRace lost -> {
                    // another refund moved the payment: decide again on the payment as it is now
                }
            }
        }
        throw new IllegalStateException("refund " + key + " lost " + RACE_RETRIES_MAX + " races in a row");
    }

    private Optional<AdjustmentOutcome> replayAdjustment(IdempotencyKey key, RefundRequest retry) {
        Optional<IdempotencyRecord> record = store.findKey(key);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        if (record.get().operation() == Operation.REVERSAL) {
            // the terminal reversed this void or refund before it arrived: it must not give anything back now
            return Optional.of(new AdjustmentOutcome.Rejected(List.of(Reason.of(new PaymentRefusal.ReversedBeforeArrival(key.request())))));
        }
        if (record.get().operation() == Operation.SALE) {
            return Optional.of(new AdjustmentOutcome.Rejected(List.of(DuplicateRequest.reason(key, "operation"))));
        }
        Refund first = store.findRefund(record.get().refund()).orElseThrow(() ->
                new IllegalStateException("idempotency key " + key + " points at missing refund " + record.get().refund()));
        Optional<String> difference = first.firstDifference(retry.kind(), retry.original(), retry.amount());
        if (difference.isPresent()) {
            return Optional.of(new AdjustmentOutcome.Rejected(List.of(DuplicateRequest.reason(key, difference.get()))));
        }
        Payment payment = store.findPayment(first.payment()).orElseThrow();
        return Optional.of(AdjustmentOutcome.of(first, payment));
    }


    /** Sends a PENDING refund to the channel, retrying unknown answers with the same refund id. */
    AdjustmentOutcome execute(Refund refund) {
        Payment payment = store.findPayment(refund.payment()).orElseThrow();
        ChannelGateway gateway = gateways.of(payment);
        if (gateway == null) {
            return AdjustmentOutcome.of(refund, payment);
        }
        RecoveryPlan plan = gateways.plan(gateway);
        RefundCommand command = new RefundCommand(refund.id(), refund.kind(), TradeRef.of(payment), refund.amount());
        RawCode last = null;
        for (int attempt = 1; attempt <= plan.refundAttempts(); attempt++) {
            if (attempt > 1 && !pause.pause(plan.refundRetryDelay())) {
                break;
            }
            RefundAnswer answer = GuardedChannel.refund(gateway, command);
            if (!(answer instanceof RefundAnswer.Pending)) {
                return finishRefund(refund, answer);
            }
            last = answer.raw();
        }
        return stillPending(refund.id(), last);
    }

    private AdjustmentOutcome finishRefund(Refund sent, RefundAnswer answer) {
        RefundId id = sent.id();
        for (int race = 0; race < RACE_RETRIES_MAX; race++) {
            // The payment first, then the refund: another actor finishing this refund (a recovery retrying it) writes
            // both at once, so a refund still PENDING here means the payment read before it does not include it yet.
            // Read the other way round, the refund could be PENDING and the payment already refunded.
            Payment payment = store.findPayment(sent.payment()).orElseThrow();
            Refund refund = store.findRefund(id).orElseThrow();
            if (refund.status() != RefundStatus.PENDING) {
                return AdjustmentOutcome.of(refund, store.findPayment(sent.payment()).orElseThrow());
            }
            Instant now = clock.instant();
            Optional<AdjustmentOutcome> finished = switch (answer) {
                case RefundAnswer.Refunded refunded -> {
                    FeeSplit feeBack = refund.kind() == RefundKind.VOID
                            ? payment.fee().charged().minus(payment.feeReturned())
                            : FeeReturns.forRefund(payment.fee().charged(), payment.amount(), payment.refunded(),
                            refund.amount(), payment.feeReturned());
                    Payment after = payment.refundDone(refund.kind(), refund.amount(), feeBack, now, refunded.raw());
                    Refund done = refund.succeeded(feeBack, refunded.raw(), now);
                    yield written(store.updateRefund(done, after, Bookkeeping.refund(after, done, feeBack, now)), done, after);
                }
                case RefundAnswer.Refused refused -> {
                    Payment after = payment.release(refund.amount(), now);
                    Refund failed = refund.failed(new Failure(refused.reason(), refused.raw()), now);
                    yield written(store.updateRefund(failed, after, List.of()), failed, after);
                }
                case RefundAnswer.Pending pending -> throw new IllegalArgumentException("a pending answer does not finish a refund");
            };
            if (finished.isPresent()) {
                return finished.get();
            }
            // another refund moved the payment: re-read and apply the answer to the payment as it is now
        }
        throw new IllegalStateException("refund " + id + " lost " + RACE_RETRIES_MAX + " races in a row");
    }

    private static Optional<AdjustmentOutcome> written(VersionedWrite write, Refund refund, Payment payment) {
        return write == VersionedWrite.WRITTEN ? Optional.of(AdjustmentOutcome.of(refund, payment)) : Optional.empty();
    }

    private AdjustmentOutcome stillPending(RefundId id, RawCode last) {
        Refund refund = store.findRefund(id).orElseThrow();
        Payment payment = store.findPayment(refund.payment()).orElseThrow();
        if (refund.status() == RefundStatus.PENDING && last != null) {
            Refund noted = refund.stillPending(last);
            refund = switch (store.updateRefund(noted, null, List.of())) {
                case WRITTEN -> noted;
                case LOST_RACE -> store.findRefund(id).orElseThrow(); // finished elsewhere
            };
        }
        return AdjustmentOutcome.of(refund, payment);
    }
}
