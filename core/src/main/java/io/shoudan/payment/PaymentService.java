package io.shoudan.payment;

import io.shoudan.eligibility.PaymentIntent;
import io.shoudan.eligibility.Snapshot;
import io.shoudan.eligibility.Verdict;
import io.shoudan.fee.FeeQuote;
import io.shoudan.fee.FeeReturns;
import io.shoudan.fee.FeeSplit;
import io.shoudan.fee.Pricing;
import io.shoudan.fee.RateCards;
import io.shoudan.ledger.Journal;
import io.shoudan.ledger.LedgerReport;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.reason.Reason;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Takes payments: sale, query, void, refund, reversal, and the recovery of every payment whose
 * outcome was left unknown.
 *
 * <p>A sale: gate it with the eligibility engine on a live
 * snapshot (refused → stored DECLINED with every reason); price it; store it PROCESSING; only then
 * call the channel — the insert claims the request id, and a retry that finds it taken is answered
 * from the first (same content → the first answer; changed → {@code OPERATION.DUPLICATE_REQUEST}
 * naming the field). Paid → SUCCEEDED with the fee fixed and SALE/FEE journals in the same write;
 * refused → FAILED with the reason and the raw code; unknown → UNKNOWN, then query on the channel's
 * schedule, then cancel/reverse, so that it ends in exactly one final state — or stays UNKNOWN for
 * {@link #recover} when even the cancel cannot get through.
 *
 * <p>Concurrency: every write is versioned; when another node got there first ({@link
 * StaleWriteException}) this one stops and answers with what the winner stored.
 */
public final class PaymentService {

    /** Business days, void windows and rate card dates are Beijing time. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int RACE_RETRIES_MAX = 5;

    private final PaymentStore store;
    private final Map<Channel, ChannelGateway> gateways;
    private final Map<Channel, RecoveryPlan> plans;
    private final EligibilityGate gate;
    private final SnapshotSource snapshots;
    private final RateCards rateCards;
    private final IdSource ids;
    private final Clock clock;
    private final Sleeper sleeper;
    /**
     * Payments this node is working on: a sale waiting for its channel or resolving an unknown outcome, a
     * payment a recovery run or a terminal's reversal has taken on. A recovery run or a reversal leaves them
     * alone, whatever their age: two threads settling one payment could each act at the channel (one finds it
     * paid, the other cancels it) and only one of them could be written. Across nodes the store's claim does the
     * same ({@link #whileClaimed}); the claim's owner is the node, so within it this set is what keeps threads apart.
     */
    private final Set<PaymentId> working = ConcurrentHashMap.newKeySet();
    /** This node, as the owner of its claims on payments in the store ({@link PaymentStore#claim}). */
    private final String owner;

    /** A service whose node is new to the store: see {@link #PaymentService(PaymentStore, List, Map, EligibilityGate, SnapshotSource, RateCards, IdSource, Clock, Sleeper, String)}. */
    public PaymentService(PaymentStore store, List<ChannelGateway> gateways, Map<Channel, RecoveryPlan> plans,
                          EligibilityGate gate, SnapshotSource snapshots, RateCards rateCards, IdSource ids,
                          Clock clock, Sleeper sleeper) {
        this(store, gateways, plans, gate, snapshots, rateCards, ids, clock, sleeper, "node-" + UUID.randomUUID());
    }

    /**
     * @param node this node's name in the store's claims (1-64 characters), the same across its restarts: a
     *             restarted node takes back at once the payments its previous process held when it stopped, where
     *             any other node waits for those claims to end. Two processes running at once must not share one.
     */
    public PaymentService(PaymentStore store, List<ChannelGateway> gateways, Map<Channel, RecoveryPlan> plans,
                          EligibilityGate gate, SnapshotSource snapshots, RateCards rateCards, IdSource ids,
                          Clock clock, Sleeper sleeper, String node) {
        if (node == null || node.isBlank() || node.length() > 64) {
            throw new IllegalArgumentException("a node name is 1-64 characters, got " + node);
        }
        this.owner = node;
        this.store = store;
        this.gateways = new EnumMap<>(Channel.class);
        for (ChannelGateway gateway : gateways) {
            this.gateways.put(gateway.channel(), gateway);
        }
        this.plans = new EnumMap<>(defaultPlans());
        this.plans.putAll(plans);
        this.gate = gate;
        this.snapshots = snapshots;
        this.rateCards = rateCards;
        this.ids = ids;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * The longest any channel adapter waits for one call; a claim on a payment is extended before each call to last
     * through it ({@link PaymentClaim}).
     */
    public static final Duration CALL_TIMEOUT_BOUND = Duration.ofSeconds(30);

    /** Alipay, WeChat Pay and UnionPay as their documents advise ({@link RecoveryPlan}). */
    public static Map<Channel, RecoveryPlan> defaultPlans() {
        return Map.of(Channel.ALIPAY, RecoveryPlan.alipay(), Channel.WECHAT, RecoveryPlan.wechat(),
                Channel.UNIONPAY, RecoveryPlan.unionPay());
    }

    // ---------------------------------------------------------------- sale

    public SaleOutcome sale(SaleRequest request) {
        // No look-up of the request id first: the insert claims it, and a retry finds it taken and is
        // answered from the stored payment (insertSale). A first attempt, the common case, saves a round
        // trip; a retry costs a gate check and a price it throws away.
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, BUSINESS_ZONE);
        Optional<Snapshot> snapshot = snapshots.snapshot(request.merchant(), request.terminal(), at);
        List<Reason> reasons = new ArrayList<>();
        if (snapshot.isEmpty()) {
            reasons.add(Reason.of(new PaymentRefusal.TerminalNotOfMerchant(request.terminal(), request.merchant())));
        } else {
            Verdict verdict = gate.check(snapshot.get(), request.intent());
            reasons.addAll(verdict.reasons());
        }
        // The gate checks amounts too; this guard keeps a gate that forgot from reaching the fee arithmetic.
        if (!request.amount().isPositive() && reasons.stream().noneMatch(Reason::blocking)) {
            reasons.add(Reason.of(new PaymentRefusal.InvalidAmount(request.amount())));
        }
        if (reasons.stream().anyMatch(Reason::blocking)) {
            return insertSale(Payment.declined(ids.newPaymentId(), request, now, blockingFirst(reasons)), request, null, false);
        }
        ChannelGateway gateway = gateways.get(request.method().channel());
        if (gateway == null) {
            return insertSale(Payment.declined(ids.newPaymentId(), request, now, List.of(Reason.of(
                    new PaymentRefusal.NoGateway(request.method().channel())))), request, null, false);
        }
        LocalDate day = at.toLocalDate();
        Pricing pricing = rateCards.price(request.merchant(), request.method(), day, request.amount(), request.installments());
        if (pricing instanceof Pricing.Unpriced unpriced) {
            return insertSale(Payment.declined(ids.newPaymentId(), request, now, List.of(Reason.of(
                    new PaymentRefusal.Unpriced(request.method(), unpriced.missing())))), request, null, false);
        }
        FeeQuote quote = ((Pricing.Priced) pricing).quote();
        boolean huabeiAllowed = request.method() == PaymentMethod.HUABEI
                || (request.method() == PaymentMethod.ALIPAY
                && gate.check(snapshot.get(), PaymentIntent.of(PaymentMethod.HUABEI, request.amount())).supported());
        Payment processing = Payment.processing(ids.newPaymentId(), request, now, reasons, quote);
        return insertSale(processing, request, gateway, huabeiAllowed);
    }

    /** Inserts a new payment; if its key was taken meanwhile, answers as a retry. Calls the channel only for PROCESSING. */
    private SaleOutcome insertSale(Payment payment, SaleRequest request, ChannelGateway gateway, boolean huabeiAllowed) {
        // Claimed before it is stored, so that no recovery run on this node sees it unclaimed.
        boolean claimed = payment.state() == PaymentState.PROCESSING && working.add(payment.id());
        try {
            Optional<IdempotencyRecord> taken = store.insertPayment(payment);
            if (taken.isPresent() && taken.get().operation() == Operation.REVERSAL) {
                return arrivedAfterItsReversal(payment, request);
            }
            if (taken.isPresent()) {
                return replaySale(taken.get().key(), request).orElseThrow(() ->
                        new IllegalStateException("idempotency key " + taken.get().key() + " is taken but points at nothing"));
            }
            if (payment.state() != PaymentState.PROCESSING) {
                return SaleOutcome.of(payment);
            }
            ChannelAnswer answer = GuardedChannel.pay(gateway, PayCommand.of(payment, huabeiAllowed));
            return settle(payment, answer, gateway);
        } finally {
            if (claimed) {
                working.remove(payment.id());
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
            return replaySale(taken.get().key(), request).orElseThrow(() ->
                    new IllegalStateException("idempotency key " + taken.get().key() + " is taken but points at nothing"));
        }
        return SaleOutcome.of(ended);
    }

    private Optional<SaleOutcome> replaySale(IdempotencyKey key, SaleRequest retry) {
        Optional<IdempotencyRecord> record = store.findKey(key);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        if (record.get().operation() != Operation.SALE) {
            return Optional.of(new SaleOutcome.Rejected(List.of(duplicate(key, "operation"))));
        }
        Payment first = store.findPayment(record.get().payment()).orElseThrow(() ->
                new IllegalStateException("idempotency key " + key + " points at missing payment " + record.get().payment()));
        Optional<String> difference = first.request().firstDifference(retry);
        if (difference.isPresent()) {
            return Optional.of(new SaleOutcome.Rejected(List.of(duplicate(key, difference.get()))));
        }
        return Optional.of(SaleOutcome.of(first));
    }

    private static Reason duplicate(IdempotencyKey key, String field) {
        return Reason.of(new PaymentRefusal.DuplicateRequest(key.request(), field));
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
            case ChannelAnswer.Paid paid -> commitSuccess(payment, paid, now);
            case ChannelAnswer.Refused refused -> SaleOutcome.of(commit(payment.failed(now, new Failure(refused.reason(), refused.raw())), List.of()));
            case ChannelAnswer.Pending pending -> {
                Payment unknown = payment.unknown(now, pending.raw());
                Payment stored = commit(unknown, List.of());
                // only the node whose write won runs the protocol; a loser answers with the winner's state, and so
                // does this node when another one (a terminal's reversal there) claimed the payment first
                yield stored != unknown ? SaleOutcome.of(stored)
                        : whileClaimed(unknown, claim -> resolveUnknown(unknown, gateway, claim, false))
                        .orElseGet(() -> SaleOutcome.of(current(unknown)));
            }
        };
    }

    private SaleOutcome commitSuccess(Payment payment, ChannelAnswer.Paid paid, Instant now) {
        Payment succeeded = payment.succeeded(now, paid.tradeNo(), paid.fundingSource(), paid.raw());
        return SaleOutcome.of(commit(succeeded, Bookkeeping.success(succeeded, now)));
    }

    /**
     * The unknown-outcome protocol for a payment in UNKNOWN: query on the channel's schedule; a query
     * that finds it paid or closed settles it; otherwise cancel/reverse, retried; REVERSED once a
     * cancel succeeds. If even the cancels fail it stays UNKNOWN for the next {@link #recover}.
     *
     * <p>Each query and cancel is made under {@code claim}, extended before it; if it can no longer be, this node stops
     * and answers with the payment as stored: the node that holds it now is settling it.
     *
     * @param queryAtOnce query before the first delay (recovery: the payment is already old)
     */
    private SaleOutcome resolveUnknown(Payment payment, ChannelGateway gateway, PaymentClaim claim, boolean queryAtOnce) {
        RecoveryPlan plan = plans.get(gateway.channel());
        TradeRef trade = TradeRef.of(payment);
        List<Duration> delays = new ArrayList<>(plan.queryDelays());
        if (queryAtOnce) {
            delays.addFirst(Duration.ZERO);
        }
        for (Duration delay : delays) {
            if (!claim.coverNext(delay)) {
                return leftToTheClaimsHolder(payment);
            }
            if (!pause(delay)) {
                return SaleOutcome.of(payment);
            }
            ChannelAnswer answer = GuardedChannel.query(gateway, trade);
            Instant now = clock.instant();
            switch (answer) {
                case ChannelAnswer.Paid paid -> {
                    // A query that overran its step may find it paid while the node that took the lapsed claim over
                    // cancels it: only the claim's holder writes SUCCEEDED. (Closed stays closed, whoever writes it.)
                    return claim.coverNext(Duration.ZERO) ? commitSuccess(payment, paid, now) : leftToTheClaimsHolder(payment);
                }
                case ChannelAnswer.Refused refused -> {
                    return SaleOutcome.of(commit(payment.failed(now, new Failure(refused.reason(), refused.raw())), List.of()));
                }
                case ChannelAnswer.Pending pending -> {
                    // still unknown: next query
                }
            }
        }
        return cancel(payment, gateway, plan, claim);
    }

    private SaleOutcome cancel(Payment payment, ChannelGateway gateway, RecoveryPlan plan, PaymentClaim claim) {
        TradeRef trade = TradeRef.of(payment);
        for (int attempt = 1; attempt <= plan.cancelAttempts(); attempt++) {
            Duration wait = attempt > 1 ? plan.cancelRetryDelay() : Duration.ZERO;
            if (!claim.coverNext(wait)) {
                return leftToTheClaimsHolder(payment);
            }
            if (!pause(wait)) {
                return SaleOutcome.of(payment);
            }
            CancelAnswer answer = GuardedChannel.cancel(gateway, trade);
            if (answer instanceof CancelAnswer.Cancelled cancelled) {
                Instant now = clock.instant();
                Payment reversed = payment.reversed(now, cancelled.raw(), cancelled.moneyReturned());
                List<Journal> journals = cancelled.moneyReturned() ? Bookkeeping.reversalOfTakenMoney(reversed, now) : List.of();
                return SaleOutcome.of(commit(reversed, journals));
            }
        }
        return SaleOutcome.of(payment);
    }

    /** The answer of a node that lost its claim on {@code payment}: the payment as stored, or as it knows it if the store is away. */
    private SaleOutcome leftToTheClaimsHolder(Payment payment) {
        try {
            return SaleOutcome.of(current(payment));
        } catch (RuntimeException storeAway) {
            return SaleOutcome.of(payment);
        }
    }

    /**
     * Writes a payment change and returns {@code next} itself; when another node changed the payment
     * first, returns what that node stored instead (callers compare by identity to know who won).
     */
    private Payment commit(Payment next, List<Journal> journals) {
        try {
            store.updatePayment(next, journals);
            return next;
        } catch (StaleWriteException lostRace) {
            return store.findPayment(next.id()).orElseThrow(() -> lostRace);
        }
    }

    /** False when the node is being stopped: the payment is left as it is for recovery. */
    private boolean pause(Duration delay) {
        if (delay.isZero()) {
            return true;
        }
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---------------------------------------------------------------- query, settlement

    /** The payment a request created, as stored; empty when the request id was never used for a sale. */
    public Optional<Payment> query(MerchantId merchant, RequestId request) {
        return store.findKey(new IdempotencyKey(merchant, request))
                .filter(record -> record.operation() == Operation.SALE)
                .flatMap(record -> store.findPayment(record.payment()));
    }

    public Optional<Payment> find(PaymentId id) {
        return store.findPayment(id);
    }

    /** Marks a payment as put into a settlement batch: refunds stay possible, voids do not. */
    public Payment markSettled(PaymentId id) {
        Payment payment = store.findPayment(id).orElseThrow(() -> new IllegalArgumentException("no payment " + id));
        Payment settled = payment.settled(clock.instant());
        store.updatePayment(settled, List.of());
        return settled;
    }

    // ---------------------------------------------------------------- void, refund, reversal

    /** Voids a sale on its business day, before settlement: the whole amount goes back, with the whole fee. */
    public AdjustmentOutcome voidSale(MerchantId merchant, RequestId request, RequestId original) {
        Money amount = query(merchant, original).map(Payment::amount).orElse(Money.ZERO);
        return adjust(new RefundRequest(merchant, request, original, RefundKind.VOID, amount));
    }

    /** Refunds part or all of what is left of a sale; the fee comes back in proportion ({@link FeeReturns}). */
    public AdjustmentOutcome refund(RefundRequest request) {
        return adjust(request);
    }

    private AdjustmentOutcome adjust(RefundRequest request) {
        IdempotencyKey key = new IdempotencyKey(request.merchant(), request.request());
        for (int race = 0; race < RACE_RETRIES_MAX; race++) {
            Optional<AdjustmentOutcome> replayed = replayAdjustment(key, request);
            if (replayed.isPresent()) {
                return replayed.get();
            }
            Optional<Payment> original = query(request.merchant(), request.original());
            if (original.isEmpty()) {
                return new AdjustmentOutcome.Rejected(List.of(Reason.of(new PaymentRefusal.OriginalNotFound(request.original()))));
            }
            Payment payment = original.get();
            Instant now = clock.instant();
            Optional<Reason> refusal = refusalOf(request, payment, now);
            if (refusal.isPresent()) {
                return new AdjustmentOutcome.Rejected(List.of(refusal.get()));
            }
            Refund refund = Refund.pending(ids.newRefundId(), payment, request.request(), request.kind(), request.amount(), now);
            Payment reserving = payment.reserve(request.amount(), now);
            try {
                if (store.insertRefund(refund, reserving).isPresent()) {
                    continue;
                }
            } catch (StaleWriteException paymentChanged) {
                continue;
            }
            return execute(refund);
        }
        throw new IllegalStateException("refund " + key + " lost " + RACE_RETRIES_MAX + " races in a row");
    }

    private Optional<Reason> refusalOf(RefundRequest request, Payment payment, Instant now) {
        if (!request.amount().isPositive()) {
            return Optional.of(Reason.of(new PaymentRefusal.InvalidAmount(request.amount())));
        }
        if (request.kind() == RefundKind.VOID) {
            if (payment.state() != PaymentState.SUCCEEDED || !payment.refunded().isZero() || !payment.refundsPending().isZero()) {
                return Optional.of(Reason.of(new PaymentRefusal.NotVoidable(request.original(), payment.state())));
            }
            if (payment.settledAt() != null) {
                return Optional.of(Reason.of(new PaymentRefusal.VoidAfterSettlement(request.original(), payment.settledAt())));
            }
            LocalDate paidOn = payment.succeededAt().atZone(BUSINESS_ZONE).toLocalDate();
            LocalDate today = now.atZone(BUSINESS_ZONE).toLocalDate();
            if (!paidOn.equals(today)) {
                return Optional.of(Reason.of(new PaymentRefusal.VoidAfterPaymentDay(request.original(), paidOn, today)));
            }
            return Optional.empty();
        }
        if (payment.state() != PaymentState.SUCCEEDED && payment.state() != PaymentState.PARTIALLY_REFUNDED) {
            // a fully refunded payment has nothing left: any refund is above what is left of it
            return Optional.of(Reason.of(payment.state() == PaymentState.REFUNDED
                    ? new PaymentRefusal.RefundAboveRemaining(request.original(), request.amount(), payment.refundable())
                    : new PaymentRefusal.NotRefundable(request.original(), payment.state())));
        }
        if (request.amount().isGreaterThan(payment.refundable())) {
            return Optional.of(Reason.of(new PaymentRefusal.RefundAboveRemaining(request.original(), request.amount(),
                    payment.refundable())));
        }
        return Optional.empty();
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
            return Optional.of(new AdjustmentOutcome.Rejected(List.of(duplicate(key, "operation"))));
        }
        Refund first = store.findRefund(record.get().refund()).orElseThrow(() ->
                new IllegalStateException("idempotency key " + key + " points at missing refund " + record.get().refund()));
        Optional<String> difference = first.firstDifference(retry.kind(), retry.original(), retry.amount());
        if (difference.isPresent()) {
            return Optional.of(new AdjustmentOutcome.Rejected(List.of(duplicate(key, difference.get()))));
        }
        Payment payment = store.findPayment(first.payment()).orElseThrow();
        return Optional.of(AdjustmentOutcome.of(first, payment));
    }

    /** Sends a PENDING refund to the channel, retrying unknown answers with the same refund id. */
    private AdjustmentOutcome execute(Refund refund) {
        Payment payment = store.findPayment(refund.payment()).orElseThrow();
        ChannelGateway gateway = gateways.get(payment.request().method().channel());
        if (gateway == null) {
            return AdjustmentOutcome.of(refund, payment);
        }
        RecoveryPlan plan = plans.get(gateway.channel());
        RefundCommand command = new RefundCommand(refund.id(), refund.kind(), TradeRef.of(payment), refund.amount());
        RawCode last = null;
        for (int attempt = 1; attempt <= plan.refundAttempts(); attempt++) {
            if (attempt > 1 && !pause(plan.refundRetryDelay())) {
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
            try {
                switch (answer) {
                    case RefundAnswer.Refunded refunded -> {
                        FeeSplit feeBack = refund.kind() == RefundKind.VOID
                                ? payment.fee().charged().minus(payment.feeReturned())
                                : FeeReturns.forRefund(payment.fee().charged(), payment.amount(), payment.refunded(),
                                refund.amount(), payment.feeReturned());
                        Payment after = payment.refundDone(refund.kind(), refund.amount(), feeBack, now, refunded.raw());
                        Refund done = refund.succeeded(feeBack, refunded.raw(), now);
                        store.updateRefund(done, after, Bookkeeping.refund(after, done, feeBack, now));
                        return AdjustmentOutcome.of(done, after);
                    }
                    case RefundAnswer.Refused refused -> {
                        Payment after = payment.release(refund.amount(), now);
                        Refund failed = refund.failed(new Failure(refused.reason(), refused.raw()), now);
                        store.updateRefund(failed, after, List.of());
                        return AdjustmentOutcome.of(failed, after);
                    }
                    case RefundAnswer.Pending pending -> throw new IllegalArgumentException("a pending answer does not finish a refund");
                }
            } catch (StaleWriteException anotherRefundMovedThePayment) {
                // re-read and apply the answer to the payment as it is now
            }
        }
        throw new IllegalStateException("refund " + id + " lost " + RACE_RETRIES_MAX + " races in a row");
    }

    private AdjustmentOutcome stillPending(RefundId id, RawCode last) {
        Refund refund = store.findRefund(id).orElseThrow();
        Payment payment = store.findPayment(refund.payment()).orElseThrow();
        if (refund.status() == RefundStatus.PENDING && last != null) {
            try {
                Refund noted = refund.stillPending(last);
                store.updateRefund(noted, null, List.of());
                refund = noted;
            } catch (StaleWriteException finishedElsewhere) {
                refund = store.findRefund(id).orElseThrow();
            }
        }
        return AdjustmentOutcome.of(refund, payment);
    }

    /**
     * A terminal's reversal (冲正) of a sale it got no answer for: an unresolved sale is cancelled at
     * once without querying; a successful one is voided (with {@code request} as the void's id); a
     * sale that already ended needs nothing and its outcome is returned. A sale not seen yet is noted
     * ({@link EarlyReversal}, durably) so that it is never charged when it arrives; the same reversal
     * retried finds its note and is answered the same.
     *
     * @param amount the amount the reversal carried, kept with the note
     */
    public SaleOutcome reverse(MerchantId merchant, RequestId original, RequestId request, Money amount) {
        IdempotencyKey key = new IdempotencyKey(merchant, original);
        Optional<Payment> found = query(merchant, original);
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
        ChannelGateway gateway = gateways.get(payment.request().method().channel());
        if (payment.state().isUnresolved() && gateway != null) {
            if (!working.add(payment.id())) {
                // This node is still on it (the sale's own query loop, a recovery run). Cancelling beside it could
                // return the money while that work stores SUCCEEDED; the terminal repeats its reversal until it
                // gets an answer, and the next one finds the sale ended (voided if it succeeded).
                return SaleOutcome.of(payment);
            }
            try {
                // another node still on it (its sale's query loop) holds the claim: the same answer, for the same reason
                Payment unresolved = payment;
                return whileClaimed(payment, claim -> asUnknown(unresolved, "TERMINAL_REVERSAL",
                        unknown -> cancel(unknown, gateway, plans.get(gateway.channel()), claim)))
                        .orElseGet(() -> SaleOutcome.of(current(unresolved)));
            } finally {
                working.remove(payment.id());
            }
        }
        if (payment.state() == PaymentState.SUCCEEDED) {
            AdjustmentOutcome voided = voidSale(merchant, request, original);
            if (voided instanceof AdjustmentOutcome.Rejected rejected) {
                return new SaleOutcome.Rejected(rejected.reasons());
            }
            return SaleOutcome.of(store.findPayment(payment.id()).orElseThrow());
        }
        return SaleOutcome.of(payment);
    }

    /**
     * A terminal's reversal (0400) of its own void or refund {@code original}: see {@link AdjustmentReversal}. One that
     * gave the money back is refused ({@code OPERATION.ADJUSTMENT_NOT_REVERSIBLE}) and stands; one that failed needed
     * nothing; one not seen yet is noted under its key like a sale's ({@link EarlyReversal}), so that it is refused
     * ({@code OPERATION.TRADE_CLOSED}) when it arrives. The same reversal retried is answered the same.
     */
    public AdjustmentReversal reverseAdjustment(MerchantId merchant, RequestId original, RequestId request, Money amount) {
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

    /**
     * Acts on an unresolved payment a sale left: a PROCESSING one is first stored UNKNOWN with {@code why} as its
     * raw code; if another node changed it first, that node's state is the answer and nothing is done.
     */
    private SaleOutcome asUnknown(Payment payment, String why, Function<Payment, SaleOutcome> then) {
        if (payment.state() != PaymentState.PROCESSING) {
            return then.apply(payment);
        }
        Payment unknown = payment.unknown(clock.instant(), new RawCode(why));
        Payment stored = commit(unknown, List.of());
        return stored == unknown ? then.apply(unknown) : SaleOutcome.of(stored);
    }

    // ---------------------------------------------------------------- recovery

    /** Recovers everything: see {@link #recover(Duration)}. For start-up, before any sale is taken. */
    public RecoveryReport recover() {
        return recover(Duration.ZERO);
    }

    /**
     * Takes every payment left PROCESSING or UNKNOWN for at least {@code idleAtLeast} through the
     * unknown-outcome protocol (querying at once, since it is already old), and retries every pending
     * refund with its own refund id. {@code idleAtLeast} keeps a node from recovering a sale another
     * node is still working on; a payment this node is working on, or another node has claimed in the store, is
     * never taken (it is not in the report). Safe to run while the node takes payments, and from several threads.
     */
    public RecoveryReport recover(Duration idleAtLeast) {
        Instant cutoff = clock.instant().minus(idleAtLeast);
        List<SaleOutcome> payments = new ArrayList<>();
        for (Payment payment : store.unresolvedPayments()) {
            if (payment.updatedAt().isAfter(cutoff) || !working.add(payment.id())) {
                continue;
            }
            try {
                recoverPayment(payment).ifPresent(payments::add);
            } finally {
                working.remove(payment.id());
            }
        }
        List<AdjustmentOutcome> refunds = new ArrayList<>();
        for (Refund refund : store.pendingRefunds()) {
            if (refund.createdAt().isAfter(cutoff)) {
                continue;
            }
            refunds.add(execute(refund));
        }
        return new RecoveryReport(payments, refunds);
    }

    /** Empty when another node holds the payment's claim: it is that node's to settle (or anyone's once the claim expires). */
    private Optional<SaleOutcome> recoverPayment(Payment payment) {
        ChannelGateway gateway = gateways.get(payment.request().method().channel());
        if (gateway == null) {
            return Optional.of(SaleOutcome.of(payment));
        }
        return whileClaimed(payment, claim -> asUnknown(payment, "RECOVERY", unknown -> resolveUnknown(unknown, gateway, claim, true)));
    }

    /**
     * Runs {@code work} on an unresolved payment while this node holds its claim in the store, so that no other
     * node acts on it at the channel meanwhile; empty when another node holds it. The work extends the claim before
     * each step at the channel ({@link PaymentClaim}); it is released after. A node that dies holding one leaves the
     * payment to the others once the step it was in has ended.
     */
    private Optional<SaleOutcome> whileClaimed(Payment payment, Function<PaymentClaim, SaleOutcome> work) {
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

    /** The payment as stored now ({@code seen} if it has vanished, which a store never lets happen). */
    private Payment current(Payment seen) {
        return store.findPayment(seen.id()).orElse(seen);
    }

    // ---------------------------------------------------------------- ledger

    /** Checks every ledger invariant over the whole store, against the payment records' totals. */
    public LedgerReport checkLedger() {
        return LedgerAudit.check(store);
    }
}
