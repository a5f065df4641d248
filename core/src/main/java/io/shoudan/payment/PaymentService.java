package io.shoudan.payment;

import io.shoudan.fee.FeeReturns;
import io.shoudan.fee.RateCards;
import io.shoudan.ledger.LedgerReport;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.money.Money;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes payments: sale, query, void, refund, reversal, and the recovery of every payment whose
 * outcome was left unknown. A facade over the parts that do each:
 *
 * <ul>
 *   <li>{@link Sale}: gate, price, store PROCESSING, call the channel; retries answered from the first;</li>
 *   <li>{@link UnknownOutcomeResolver}: query on the channel's schedule, then cancel/reverse, so that an unknown
 *       outcome ends in exactly one final state — or stays UNKNOWN for {@link #recover} when even the cancel cannot
 *       get through;</li>
 *   <li>{@link Adjustments}: void and refund, refused by {@link AdjustmentRules} checked in order;</li>
 *   <li>{@link Reversals}: a terminal's reversal of a sale, a void or a refund, also before it arrives;</li>
 *   <li>{@link Recovery}: unresolved payments and pending refunds left by a crash or a long outage;</li>
 *   <li>{@link LedgerAudit}: the books against the payments.</li>
 * </ul>
 *
 * <p>Concurrency: every write is versioned; when another node got there first ({@link VersionedWrite#LOST_RACE})
 * this one stops and answers with what the winner stored. Within a node, {@link InProgress} keeps two threads off
 * one payment; across nodes, the store's claim ({@link PaymentClaim}).
 */
public final class PaymentService {

    /** Business days, void windows and rate card dates are Beijing time. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int RACE_RETRIES_MAX = 5;

    /**
     * The longest any channel adapter waits for one call; a claim on a payment is extended before each call to last
     * through it ({@link PaymentClaim}).
     */
    public static final Duration CALL_TIMEOUT_BOUND = Duration.ofSeconds(30);

    private final PaymentStore store;
    private final Clock clock;
    private final StoredPayments stored;
    private final Sale sale;
    private final Adjustments adjustments;
    private final Reversals reversals;
    private final Recovery recovery;

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
        InProgress inProgress = new InProgress(store, node, clock);
        Gateways channels = new Gateways(gateways, plans);
        Pause pause = new Pause(sleeper);
        this.store = store;
        this.clock = clock;
        this.stored = new StoredPayments(store);
        UnknownOutcomeResolver resolver = new UnknownOutcomeResolver(stored, channels, clock, pause);
        this.sale = new Sale(store, stored, channels, new Sale.Deciders(gate, snapshots, rateCards, ids), inProgress, resolver, clock);
        this.adjustments = new Adjustments(store, stored, channels, ids, clock, pause);
        this.reversals = new Reversals(store, stored, channels, inProgress, resolver, adjustments, clock);
        this.recovery = new Recovery(store, channels, inProgress, resolver, adjustments, clock);
    }

    /** Alipay, WeChat Pay and UnionPay as their documents advise ({@link RecoveryPlan}). */
    public static Map<Channel, RecoveryPlan> defaultPlans() {
        return Map.of(Channel.ALIPAY, RecoveryPlan.alipay(), Channel.WECHAT, RecoveryPlan.wechat(),
                Channel.UNIONPAY, RecoveryPlan.unionPay());
    }

    // ---------------------------------------------------------------- sale

    /** See {@link Sale}. */
    public SaleOutcome sale(SaleRequest request) {
        return sale.sale(request);
    }

    // ---------------------------------------------------------------- query, settlement

    /** The payment a request created, as stored; empty when the request id was never used for a sale. */
    public Optional<Payment> query(MerchantId merchant, RequestId request) {
        return stored.query(merchant, request);
    }

    public Optional<Payment> find(PaymentId id) {
        return store.findPayment(id);
    }

    /** Marks a payment as put into a settlement batch: refunds stay possible, voids do not. */
    public Payment markSettled(PaymentId id) {
        for (int race = 0; race < RACE_RETRIES_MAX; race++) {
            Payment payment = store.findPayment(id).orElseThrow(() -> new IllegalArgumentException("no payment " + id));
            Payment settled = payment.settled(clock.instant());
            if (store.updatePayment(settled, List.of()) == VersionedWrite.WRITTEN) {
                return settled;
            }
            // a refund moved the payment since it was read: mark it as it is now
        }
        throw new IllegalStateException("marking payment " + id + " settled lost " + RACE_RETRIES_MAX + " races in a row");
    }

    // ---------------------------------------------------------------- void, refund, reversal

    /** Voids a sale on its business day, before settlement: the whole amount goes back, with the whole fee. */
    public AdjustmentOutcome voidSale(MerchantId merchant, RequestId request, RequestId original) {
        return adjustments.voidSale(merchant, request, original);
    }

    /** Refunds part or all of what is left of a sale; the fee comes back in proportion ({@link FeeReturns}). */
    public AdjustmentOutcome refund(RefundRequest request) {
        return adjustments.refund(request);
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
        return reversals.reverse(merchant, original, request, amount);
    }

    /**
     * A terminal's reversal (0400) of its own void or refund {@code original}: see {@link AdjustmentReversal}. One that
     * gave the money back is refused ({@code OPERATION.ADJUSTMENT_NOT_REVERSIBLE}) and stands; one that failed needed
     * nothing; one not seen yet is noted under its key like a sale's ({@link EarlyReversal}), so that it is refused
     * ({@code OPERATION.TRADE_CLOSED}) when it arrives. The same reversal retried is answered the same.
     */
    public AdjustmentReversal reverseAdjustment(MerchantId merchant, RequestId original, RequestId request, Money amount) {
        return reversals.reverseAdjustment(merchant, original, request, amount);
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
        return recovery.recover(idleAtLeast);
    }

    // ---------------------------------------------------------------- ledger

    /** Checks every ledger invariant over the whole store, against the payment records' totals. */
    public LedgerReport checkLedger() {
        return LedgerAudit.check(store);
    }
}
