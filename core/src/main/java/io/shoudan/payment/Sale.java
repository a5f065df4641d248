package io.shoudan.payment;

import io.shoudan.eligibility.PaymentIntent;
import io.shoudan.eligibility.Snapshot;
import io.shoudan.eligibility.Verdict;
import io.shoudan.fee.FeeQuote;
import io.shoudan.fee.Pricing;
import io.shoudan.fee.RateCards;
import io.shoudan.method.PaymentMethod;
import io.shoudan.reason.Reason;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.shoudan.payment.PaymentService.BUSINESS_ZONE;

/**
 * A sale and its retries: gate it with the eligibility engine on a live snapshot (refused → stored DECLINED with every
 * reason); price it; store it PROCESSING; only then call the channel — the insert claims the request id, and a retry
 * that finds it taken is answered from the first (same content → the first answer; changed →
 * {@code OPERATION.DUPLICATE_REQUEST} naming the field). Paid → SUCCEEDED with the fee fixed and SALE/FEE journals in
 * the same write; refused → FAILED with the reason and the raw code; unknown → UNKNOWN, then the
 * {@link UnknownOutcomeResolver}.
 */
record Sale(PaymentStore store, StoredPayments stored, Gateways gateways, Sale.Deciders deciders, InProgress inProgress,
            UnknownOutcomeResolver resolver, Clock clock) {

    /** What a sale reads to decide: the gate, the snapshot it checks, the rate cards, and the ids it hands out. */
    record Deciders(EligibilityGate gate, SnapshotSource snapshots, RateCards rateCards, IdSource ids) {
    }

    SaleOutcome sale(SaleRequest request) {
        // No look-up of the request id first: the insert claims it, and a retry finds it taken and is
        // answered from the stored payment (insertSale). A first attempt, the common case, saves a round
        // trip; a retry costs a gate check and a price it throws away.
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, BUSINESS_ZONE);
        Optional<Snapshot> snapshot = deciders.snapshots().snapshot(request.merchant(), request.terminal(), at);
        List<Reason> reasons = new ArrayList<>();
        if (snapshot.isEmpty()) {
            reasons.add(Reason.of(new PaymentRefusal.TerminalNotOfMerchant(request.terminal(), request.merchant())));
        } else {
            Verdict verdict = deciders.gate().check(snapshot.get(), request.intent());
            reasons.addAll(verdict.reasons());
        }
        // The gate checks amounts too; this guard keeps a gate that forgot from reaching the fee arithmetic.
        if (!request.amount().isPositive() && reasons.stream().noneMatch(Reason::blocking)) {
            reasons.add(Reason.of(new PaymentRefusal.InvalidAmount(request.amount())));
        }
        if (reasons.stream().anyMatch(Reason::blocking)) {
            return insertSale(Payment.declined(deciders.ids().newPaymentId(), request, now, blockingFirst(reasons)), request, null, false);
        }
        ChannelGateway gateway = gateways.of(request.method().channel());
        if (gateway == null) {
            return insertSale(Payment.declined(deciders.ids().newPaymentId(), request, now, List.of(Reason.of(
                    new PaymentRefusal.NoGateway(request.method().channel())))), request, null, false);
        }
        LocalDate day = at.toLocalDate();
        Pricing pricing = deciders.rateCards().price(request.merchant(), request.method(), day, request.amount(), request.installments());
        if (pricing instanceof Pricing.Unpriced unpriced) {
            return insertSale(Payment.declined(deciders.ids().newPaymentId(), request, now, List.of(Reason.of(
                    new PaymentRefusal.Unpriced(request.method(), unpriced.missing())))), request, null, false);
        }
        FeeQuote quote = ((Pricing.Priced) pricing).quote();
        boolean huabeiAllowed = request.method() == PaymentMethod.HUABEI
                || (request.method() == PaymentMethod.ALIPAY
                && deciders.gate().check(snapshot.get(), PaymentIntent.of(PaymentMethod.HUABEI, request.amount())).supported());
        Payment processing = Payment.processing(deciders.ids().newPaymentId(), request, now, reasons, quote);
        return insertSale(processing, request, gateway, huabeiAllowed);
    }

    /** Inserts a new payment; if its key was taken meanwhile, answers as a retry. Calls the channel only for PROCESSING. */
    private SaleOutcome insertSale(Payment payment, SaleRequest request, ChannelGateway gateway, boolean huabeiAllowed) {
        // Claimed before it is stored, so that no recovery run on this node sees it unclaimed.
        boolean claimed = payment.state() == PaymentState.PROCESSING && inProgress.take(payment.id());
        try {
            Optional<IdempotencyRecord> taken = store.insertPayment(payment);
            if (taken.isPresent() && taken.get().operation() == Operation.REVERSAL) {
                return arrivedAfterItsReversal(payment, request);
            }
            if (taken.isPresent()) {
                return replayOf(taken.get(), request);
            }
            if (payment.state() != PaymentState.PROCESSING) {
                return SaleOutcome.of(payment);
            }
            ChannelAnswer answer = GuardedChannel.pay(gateway, PayCommand.of(payment, huabeiAllowed));
            return settle(payment, answer, gateway);
        } finally {
            if (claimed) {
                inProgress.release(payment.id());
            }
        }
    }

    /**
     * A sale whose terminal reversed it before it arrived (its key holds an {@link EarlyReversal}): never sent to a
     * channel. One the gate refused stays DECLINED; any other ends REVERSED from CREATED. Whatever the amount the
     * reversal carried, the terminal gave up on this trace: charging it would take money the terminal has told the
     * cashier was not taken.
     */
    private SaleOutcome arrivedAfterItsReversal(Payment payment, SaleRequest request) {
        Payment ended = payment.state() == PaymentState.DECLINED ? payment
                : Payment.reversedOnArrival(payment.id(), request, payment.createdAt(), payment.verdict(), payment.fee());
        Optional<IdempotencyRecord> taken = store.insertInPlaceOfReversal(ended);
        if (taken.isPresent()) {
            // another copy of this late sale took the key over first: answer as its retry
            return replayOf(taken.get(), request);
        }
        return SaleOutcome.of(ended);
    }

    private SaleOutcome replayOf(IdempotencyRecord taken, SaleRequest request) {
        return replaySale(taken.key(), request).orElseThrow(() ->
                new IllegalStateException("idempotency key " + taken.key() + " is taken but points at nothing"));
    }

    private Optional<SaleOutcome> replaySale(IdempotencyKey key, SaleRequest retry) {
        Optional<IdempotencyRecord> record = store.findKey(key);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        if (record.get().operation() != Operation.SALE) {
            return Optional.of(new SaleOutcome.Rejected(List.of(DuplicateRequest.reason(key, "operation"))));
        }
        Payment first = store.findPayment(record.get().payment()).orElseThrow(() ->
                new IllegalStateException("idempotency key " + key + " points at missing payment " + record.get().payment()));
        Optional<String> difference = first.request().firstDifference(retry);
        if (difference.isPresent()) {
            return Optional.of(new SaleOutcome.Rejected(List.of(DuplicateRequest.reason(key, difference.get()))));
        }
        return Optional.of(SaleOutcome.of(first));
    }

    private static List<Reason> blockingFirst(List<Reason> reasons) {
        List<Reason> ordered = new ArrayList<>(reasons.stream().filter(Reason::blocking).toList());
        ordered.addAll(reasons.stream().filter(reason -> !reason.blocking()).toList());
        return ordered;
    }

    /** Applies the channel's answer to a PROCESSING payment. */
    private SaleOutcome settle(Payment payment, ChannelAnswer answer, ChannelGateway gateway) {
        Instant now = clock.instant();
        return switch (answer) {
            case ChannelAnswer.Paid paid -> SaleOutcome.of(stored.succeed(payment, paid, now));
            case ChannelAnswer.Refused refused -> SaleOutcome.of(stored.fail(payment, refused, now));
            case ChannelAnswer.Pending pending -> {
                Payment unknown = payment.unknown(now, pending.raw());
                Payment written = stored.commit(unknown, List.of());
                // only the node whose write won runs the protocol; a loser answers with the winner's state, and so
                // does this node when another one (a terminal's reversal there) claimed the payment first
                yield written != unknown ? SaleOutcome.of(written)
                        : inProgress.whileClaimed(unknown, claim -> resolver.resolve(unknown, gateway, claim, false))
                        .orElseGet(() -> SaleOutcome.of(stored.current(unknown)));
            }
        };
    }
}
