package io.shoudan.store.payment;

import io.shoudan.eligibility.Snapshot;
import io.shoudan.fee.FeeRule;
import io.shoudan.fee.InstallmentFeeBearer;
import io.shoudan.fee.Installments;
import io.shoudan.fee.Rate;
import io.shoudan.fee.RateCard;
import io.shoudan.ledger.LedgerReport;
import io.shoudan.ledger.MerchantBalance;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.EligibilityGate;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.PaymentTotals;
import io.shoudan.payment.PaymentUsage;
import io.shoudan.payment.RecoveryReport;
import io.shoudan.payment.RefundRequest;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.SaleOutcome;
import io.shoudan.payment.SaleRequest;
import io.shoudan.payment.SequentialIds;
import io.shoudan.payment.SnapshotSource;
import io.shoudan.payment.testing.ManualTime;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.payment.testing.SimulatedChannel;
import io.shoudan.payment.testing.SimulatedChannel.PayFault;
import io.shoudan.payment.testing.SimulatedChannel.RefundFault;
import io.shoudan.policy.Policy;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.store.database.Database;
import io.shoudan.store.fee.JooqRateCards;
import io.shoudan.store.fee.RateCardRepository;
import io.shoudan.store.merchant.MerchantRepository;
import io.shoudan.store.testing.Fixtures;
import io.shoudan.store.testing.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The durable path end to end: the real {@link PaymentService} over {@link JooqPaymentStore} and
 * {@link JooqRateCards} on H2 and on PostgreSQL, core's {@link SimulatedChannel}s and {@link ManualTime}. Random
 * trading days — sales on every method with every channel fault, declines, crashes just before a
 * write reaches the database (on sales and refunds), retries, voids, refunds, settlement, day changes
 * and recoveries — and after every step the ledger check passes and each merchant's payable equals
 * successful − refunded − fees from the stored payments, and the usage the store keeps equals core's
 * {@link PaymentUsage} of the stored payments, and recovery's list names exactly the unresolved ones.
 * When nothing is left unresolved, the channels hold exactly what the database says was taken and not
 * given back.
 */
class DurablePaymentProperties {

    private static final List<MerchantId> MERCHANTS = List.of(PaymentWorld.MERCHANT, PaymentWorld.OTHER_MERCHANT);

    sealed interface Step {
    }

    record Sale(int merchant, PaymentMethod method, long amountFen, int installments, boolean merchantBears,
                PayFault fault, boolean declined, int crashAtWrite) implements Step {
    }

    record RetrySale(int sale) implements Step {
    }

    record Refund(int sale, int percent, RefundFault fault, int crashAtWrite) implements Step {
    }

    record Void(int sale) implements Step {
    }

    record Settle(int sale) implements Step {
    }

    record NextDay() implements Step {
    }

    record Recover() implements Step {
    }

    /** One trading day's world, on a fresh database. */
    private static final class World implements AutoCloseable {
        final TestDatabase.FreshDatabase fresh;
        final Database database;
        final ManualTime time = new ManualTime(PaymentWorld.START);
        final CrashingStore store;
        final Map<Channel, SimulatedChannel> channels = Map.of(Channel.ALIPAY, new SimulatedChannel(Channel.ALIPAY),
                Channel.WECHAT, new SimulatedChannel(Channel.WECHAT), Channel.UNIONPAY, new SimulatedChannel(Channel.UNIONPAY));
        volatile Sale declining;
        final SequentialIds ids = new SequentialIds("T", 1);

        World(TestDatabase kind) {
            fresh = kind.open();
            database = fresh.database();
            store = new CrashingStore(new JooqPaymentStore(database));
            MerchantRepository merchants = new MerchantRepository(database, time, ZoneId.of("Asia/Shanghai"));
            RateCardRepository cards = new RateCardRepository(database, time);
            LocalDate from = LocalDate.of(2026, 1, 1);
            for (MerchantId merchant : MERCHANTS) {
                merchants.save(Fixtures.merchant(merchant.value()));
                for (PaymentMethod method : List.of(PaymentMethod.ALIPAY, PaymentMethod.WECHAT_PAY, PaymentMethod.UNIONPAY_QR)) {
                    cards.save(new RateCard(PaymentWorld.card(merchant, method), 1, merchant, method, from, null,
                            new FeeRule.Scan(Rate.percent("0.38"))));
                }
                cards.save(new RateCard(PaymentWorld.card(merchant, PaymentMethod.UNIONPAY_DEBIT), 1, merchant, PaymentMethod.UNIONPAY_DEBIT,
                        from, null, new FeeRule.Debit(Rate.percent("0.5"), Money.ofYuan(20))));
                cards.save(new RateCard(PaymentWorld.card(merchant, PaymentMethod.UNIONPAY_CREDIT), 1, merchant, PaymentMethod.UNIONPAY_CREDIT,
                        from, null, new FeeRule.Credit(Rate.percent("0.6"))));
                cards.save(new RateCard(PaymentWorld.card(merchant, PaymentMethod.HUABEI), 1, merchant, PaymentMethod.HUABEI,
                        from, null, new FeeRule.Huabei(Rate.percent("0.6"), FeeRule.Huabei.assumedInstallmentRates())));
            }
        }

        PaymentService service() {
            EligibilityGate gate = (snapshot, intent) -> {
                Sale sale = declining;
                return sale != null && sale.declined() && intent.method() == sale.method()
                        ? PaymentWorld.refuse(intent, Reason.of(ReasonCode.MERCHANT_LIMIT_EXCEEDED, "limit", "5000.00"))
                        : PaymentWorld.allow(intent);
            };
            SnapshotSource snapshots = (merchant, terminal, at) -> terminal.equals(PaymentWorld.TERMINAL)
                    ? Optional.of(new Snapshot(at, PaymentWorld.merchant(merchant), PaymentWorld.terminal(merchant), null, Map.of(),
                    List.of(), new Policy(null, Map.of())))
                    : Optional.empty();
            return new PaymentService(store, List.copyOf(channels.values()), PaymentService.defaultPlans(), gate, snapshots,
                    new JooqRateCards(database), ids, time, time);
        }

        List<Payment> payments() {
            List<Payment> payments = new ArrayList<>();
            store.forEachPayment(payments::add);
            return payments;
        }

        @Override
        public void close() throws Exception {
            fresh.close();
        }
    }

    @Property(tries = 40)
    void randomTradingDaysOnH2KeepEveryJournalBalancedAndEveryMerchantsPayableAndUsageRight(@ForAll("days") List<Step> steps)
            throws Exception {
        tradingDay(TestDatabase.H2, steps);
    }

    /** PostgreSQL sends each write as one multi-statement round trip, a different path from H2's. */
    @Property(tries = 12)
    void randomTradingDaysOnPostgresqlKeepEveryJournalBalancedAndEveryMerchantsPayableAndUsageRight(@ForAll("days") List<Step> steps)
            throws Exception {
        tradingDay(TestDatabase.POSTGRESQL, steps);
    }

    private static void tradingDay(TestDatabase kind, List<Step> steps) throws Exception {
        try (World world = new World(kind)) {
            PaymentService service = world.service();
            List<SaleRequest> sales = new ArrayList<>();
            int sequence = 0;
            for (Step step : steps) {
                switch (step) {
                    case Sale sale -> {
                        SaleRequest request = request(sale, "S" + (++sequence));
                        sales.add(request);
                        world.channels.get(sale.method().channel()).nextPay(sale.fault());
                        world.declining = sale;
                        if (sale.crashAtWrite() > 0) {
                            world.store.crashOnWrite(sale.crashAtWrite());
                        }
                        try {
                            assertThat(service.sale(request)).isNotInstanceOf(SaleOutcome.Rejected.class);
                        } catch (CrashingStore.Crash crashed) {
                            // the node died; recovery will finish the payment
                        }
                        world.store.disarm();
                        world.declining = null;
                    }
                    case RetrySale retry -> {
                        if (!sales.isEmpty()) {
                            SaleRequest request = sales.get(retry.sale() % sales.size());
                            Payment before = service.query(request.merchant(), request.request()).orElse(null);
                            SaleOutcome outcome = service.sale(request);
                            assertThat(outcome).isNotInstanceOf(SaleOutcome.Rejected.class);
                            if (before != null && !before.state().isUnresolved()) {
                                assertThat(outcome).isEqualTo(SaleOutcome.of(service.query(request.merchant(), request.request()).orElseThrow()));
                            }
                        }
                    }
                    case Refund refund -> {
                        if (!sales.isEmpty()) {
                            SaleRequest original = sales.get(refund.sale() % sales.size());
                            Payment payment = service.query(original.merchant(), original.request()).orElse(null);
                            if (payment != null) {
                                Money amount = Money.ofFen(Math.max(1, Math.max(1, payment.amount().fen()) * refund.percent() / 100));
                                world.channels.get(payment.request().method().channel()).nextRefund(refund.fault(), refund.fault(), refund.fault());
                                if (refund.crashAtWrite() > 0) {
                                    world.store.crashOnWrite(refund.crashAtWrite());
                                }
                                try {
                                    service.refund(RefundRequest.refund(original.merchant(), new RequestId.Client("R" + (++sequence)),
                                            original.request(), amount));
                                } catch (CrashingStore.Crash crashed) {
                                    // the node died between the channel and the database; recovery retries the refund
                                }
                                world.store.disarm();
                            }
                        }
                    }
                    case Void voiding -> {
                        if (!sales.isEmpty()) {
                            SaleRequest original = sales.get(voiding.sale() % sales.size());
                            service.voidSale(original.merchant(), new RequestId.Client("V" + (++sequence)), original.request());
                        }
                    }
                    case Settle settle -> {
                        if (!sales.isEmpty()) {
                            SaleRequest original = sales.get(settle.sale() % sales.size());
                            service.query(original.merchant(), original.request())
                                    .filter(payment -> payment.state().wasCaptured() && payment.settledAt() == null)
                                    .ifPresent(payment -> service.markSettled(payment.id()));
                        }
                    }
                    case NextDay nextDay -> world.time.advance(Duration.ofDays(1));
                    case Recover recover -> world.service().recover();
                }
                for (SimulatedChannel channel : world.channels.values()) {
                    channel.heal();
                }
                assertBooksRight(world, service);
            }
            RecoveryReport last = world.service().recover();
            assertThat(last.stillUnknown()).isZero();
            assertThat(world.store.unresolvedPayments()).isEmpty();
            assertThat(world.store.pendingRefunds()).isEmpty();
            assertBooksRight(world, service);
            for (Payment payment : world.payments()) {
                Statistics.label("final states").collect(payment.state());
                if (payment.state() == PaymentState.DECLINED) {
                    Statistics.label("declined for").collect(payment.failure().reason());
                }
            }
        }
    }

    private static void assertBooksRight(World world, PaymentService service) {
        LedgerReport report = service.checkLedger();
        assertThat(report.passed()).as(String.join("\n", report.lines())).isTrue();
        List<Payment> payments = world.payments();
        PaymentTotals totals = new PaymentTotals();
        payments.forEach(totals::add);
        for (MerchantBalance balance : report.merchants()) {
            assertThat(balance.payable()).isEqualTo(totals.expectedPayable(balance.merchant()));
        }
        // recovery's list (unresolvedPayments) names exactly the payments left PROCESSING or UNKNOWN
        assertThat(world.store.unresolvedPayments()).extracting(Payment::id).containsExactlyInAnyOrderElementsOf(
                payments.stream().filter(payment -> payment.state().isUnresolved()).map(Payment::id).toList());
        // the usage table the store keeps as payments move equals core's model computed from the payments
        OffsetDateTime now = OffsetDateTime.ofInstant(world.time.instant(), PaymentService.BUSINESS_ZONE);
        MerchantRepository usage = new MerchantRepository(world.database, world.time, PaymentService.BUSINESS_ZONE);
        for (MerchantId merchant : MERCHANTS) {
            assertThat(usage.usage(merchant, now)).as("usage of " + merchant)
                    .isEqualTo(PaymentUsage.of(payments, merchant, now.toLocalDate()));
        }
        if (world.store.unresolvedPayments().isEmpty() && world.store.pendingRefunds().isEmpty()) {
            for (MerchantId merchant : MERCHANTS) {
                Money held = Money.ZERO;
                for (SimulatedChannel channel : world.channels.values()) {
                    held = held.plus(channel.netTaken(merchant));
                }
                Money booked = Money.ZERO;
                for (Payment payment : payments) {
                    if (payment.merchant().equals(merchant) && payment.state().wasCaptured()) {
                        booked = booked.plus(payment.amount()).minus(payment.refunded());
                    }
                }
                assertThat(held).as("what the channels hold for " + merchant).isEqualTo(booked);
            }
        }
    }

    private static SaleRequest request(Sale sale, String id) {
        Installments installments = sale.method() == PaymentMethod.HUABEI && sale.installments() > 0
                ? Installments.of(sale.installments(), sale.merchantBears() ? InstallmentFeeBearer.MERCHANT : InstallmentFeeBearer.BUYER)
                : Installments.NONE;
        return new SaleRequest(MERCHANTS.get(sale.merchant()), PaymentWorld.TERMINAL, new RequestId.Client(id), sale.method(),
                Money.ofFen(sale.amountFen()), installments, PaymentWorld.instrumentFor(sale.method()));
    }

    @Provide
    Arbitrary<List<Step>> days() {
        Arbitrary<Step> sale = Combinators.combine(
                Arbitraries.integers().between(0, 1),
                Arbitraries.of(PaymentMethod.class),
                // now and then an amount the cashier mistyped (0 or negative): declined and stored with its verdict
                Arbitraries.frequencyOf(Tuple.of(19, Arbitraries.longs().between(1, 5_000_000)),
                        Tuple.of(1, Arbitraries.longs().between(-100, 0))).withoutEdgeCases(),
                Arbitraries.of(0, 3, 6, 12),
                Arbitraries.of(true, false),
                Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(PayFault.NONE)), Tuple.of(4, Arbitraries.of(PayFault.class))),
                Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)),
                Arbitraries.frequency(Tuple.of(10, 0), Tuple.of(1, 1), Tuple.of(1, 2), Tuple.of(1, 3))
        ).as(Sale::new);
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 1000);
        Arbitrary<Step> refund = Combinators.combine(index, Arbitraries.integers().between(1, 110),
                Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(RefundFault.NONE)), Tuple.of(4, Arbitraries.of(RefundFault.class))),
                Arbitraries.frequency(Tuple.of(10, 0), Tuple.of(1, 1), Tuple.of(2, 2))).as(Refund::new);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(10, sale),
                Tuple.of(2, index.map(RetrySale::new)),
                Tuple.of(4, refund),
                Tuple.of(2, index.map(Void::new)),
                Tuple.of(1, index.map(Settle::new)),
                Tuple.of(1, Arbitraries.just(new NextDay())),
                Tuple.of(1, Arbitraries.just(new Recover())));
        return step.list().ofMinSize(1).ofMaxSize(40);
    }
}
