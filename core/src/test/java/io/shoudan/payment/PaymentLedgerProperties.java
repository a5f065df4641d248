package io.shoudan.payment;

import io.shoudan.fee.InstallmentFeeBearer;
import io.shoudan.fee.Installments;
import io.shoudan.ledger.LedgerReport;
import io.shoudan.ledger.MerchantBalance;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.testing.InMemoryPaymentStore;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.payment.testing.SimulatedChannel.PayFault;
import io.shoudan.payment.testing.SimulatedChannel.RefundFault;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random trading days — sales on every method with every channel fault, declines, crashes between
 * the channel and the store (on sales and on refunds), retries, voids, refunds, settlement, day changes and recoveries — and
 * after every step: every journal balances, each movement is booked once, and each merchant's payable
 * equals successful − refunded − fees from the payment records. Whenever nothing is left unresolved,
 * the channels hold exactly what the books say was taken and not given back.
 */
class PaymentLedgerProperties {

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

    @Property(tries = 150)
    void randomTradingDaysKeepEveryJournalBalancedAndEveryMerchantsPayableRight(@ForAll("days") List<Step> steps) {
        PaymentWorld world = new PaymentWorld();
        PaymentService service = world.service();
        List<SaleRequest> sales = new ArrayList<>();
        int sequence = 0;
        for (Step step : steps) {
            switch (step) {
                case Sale sale -> {
                    SaleRequest request = request(sale, "S" + (++sequence));
                    sales.add(request);
                    world.channel(sale.method().channel()).nextPay(sale.fault());
                    world.verdicts.set((snapshot, intent) -> sale.declined() && intent.method() == sale.method()
                            ? PaymentWorld.refuse(intent, Reason.of(ReasonCode.MERCHANT_LIMIT_EXCEEDED, "limit", "5000.00"))
                            : PaymentWorld.allow(intent));
                    if (sale.crashAtWrite() > 0) {
                        world.store.crashOnWrite(sale.crashAtWrite());
                    }
                    try {
                        SaleOutcome outcome = service.sale(request);
                        assertThat(outcome).isNotInstanceOf(SaleOutcome.Rejected.class);
                    } catch (InMemoryPaymentStore.SimulatedCrash crashed) {
                        // the node died; recovery will finish the payment
                    }
                    world.store.disarmCrash();
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
                            Money amount = Money.ofFen(Math.max(1, payment.amount().fen() * refund.percent() / 100));
                            world.channel(payment.request().method().channel()).nextRefund(refund.fault(), refund.fault(), refund.fault());
                            if (refund.crashAtWrite() > 0) {
                                world.store.crashOnWrite(refund.crashAtWrite());
                            }
                            try {
                                service.refund(RefundRequest.refund(original.merchant(), new RequestId.Client("R" + (++sequence)),
                                        original.request(), amount));
                            } catch (InMemoryPaymentStore.SimulatedCrash crashed) {
                                // the node died between the channel and the store; recovery retries the refund
                            }
                            world.store.disarmCrash();
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
            // a step's faults are that step's: whatever it scripted and did not use is forgotten
            for (Channel channel : Channel.values()) {
                world.channel(channel).heal();
            }
            assertBooksRight(world, service);
        }
        RecoveryReport last = world.service().recover();
        assertThat(last.stillUnknown()).isZero();
        assertThat(world.store.unresolvedPayments()).isEmpty();
        assertThat(world.store.pendingRefunds()).isEmpty();
        assertBooksRight(world, service);
        for (Payment payment : world.store.payments()) {
            Statistics.label("final states").collect(payment.state());
            if (payment.state() == PaymentState.DECLINED) {
                Statistics.label("declined for").collect(payment.failure().reason());
            }
        }
        Statistics.label("refunds").collect(world.store.payments().stream().anyMatch(payment -> !payment.refunded().isZero()));
    }

    private static void assertBooksRight(PaymentWorld world, PaymentService service) {
        LedgerReport report = service.checkLedger();
        assertThat(report.passed()).as(String.join("\n", report.lines())).isTrue();
        PaymentTotals totals = new PaymentTotals();
        world.store.forEachPayment(totals::add);
        for (MerchantBalance balance : report.merchants()) {
            assertThat(balance.payable()).isEqualTo(totals.expectedPayable(balance.merchant()));
        }
        if (world.store.unresolvedPayments().isEmpty() && world.store.pendingRefunds().isEmpty()) {
            for (MerchantId merchant : MERCHANTS) {
                Money held = Money.ZERO;
                for (Channel channel : Channel.values()) {
                    held = held.plus(world.channel(channel).netTaken(merchant));
                }
                Money booked = Money.ZERO;
                for (Payment payment : world.store.payments()) {
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
                Arbitraries.longs().between(1, 5_000_000).edgeCases(edges -> edges.add(1L)),
                Arbitraries.of(0, 3, 6, 12),
                Arbitraries.of(true, false),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, Arbitraries.just(PayFault.NONE)),
                        net.jqwik.api.Tuple.of(4, Arbitraries.of(PayFault.class))),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(9, false), net.jqwik.api.Tuple.of(1, true)),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(10, 0), net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(1, 2), net.jqwik.api.Tuple.of(1, 3))
        ).as(Sale::new);
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 1000);
        Arbitrary<Step> refund = Combinators.combine(index, Arbitraries.integers().between(1, 110),
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, Arbitraries.just(RefundFault.NONE)),
                        net.jqwik.api.Tuple.of(4, Arbitraries.of(RefundFault.class))),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(10, 0), net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(2, 2))).as(Refund::new);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, sale),
                net.jqwik.api.Tuple.of(2, index.map(RetrySale::new)),
                net.jqwik.api.Tuple.of(4, refund),
                net.jqwik.api.Tuple.of(2, index.map(Void::new)),
                net.jqwik.api.Tuple.of(1, index.map(Settle::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new NextDay())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Recover())));
        return step.list().ofMinSize(1).ofMaxSize(40);
    }
}
