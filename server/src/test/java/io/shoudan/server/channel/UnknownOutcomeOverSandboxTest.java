package io.shoudan.server.channel;

import io.shoudan.channels.TransportReply;
import io.shoudan.channels.alipay.AlipayCancelResponse;
import io.shoudan.channels.alipay.AlipayPayRequest;
import io.shoudan.channels.alipay.AlipayPayResponse;
import io.shoudan.channels.alipay.AlipayQueryResponse;
import io.shoudan.channels.alipay.AlipayRefundRequest;
import io.shoudan.channels.alipay.AlipayRefundResponse;
import io.shoudan.channels.alipay.AlipayTradeRequest;
import io.shoudan.channels.alipay.AlipayTransport;
import io.shoudan.ledger.LedgerReport;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.AdjustmentOutcome;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RefundRequest;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.SaleOutcome;
import io.shoudan.payment.SaleRequest;
import io.shoudan.payment.Transition;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.CardStatus;
import io.shoudan.sandbox.consumer.Consumer;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.consumer.PasswordConfirmation;
import io.shoudan.sandbox.consumer.Pin;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.fault.Operation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unknown-outcome protocol end to end: core's payment service, the real adapters, the in-process
 * sandbox with injected faults. Whatever happens, every payment ends in one final state, nobody is
 * charged twice, and what the channels hold for the merchant equals our books.
 */
class UnknownOutcomeOverSandboxTest {

    private static final Money START_FUNDS = Money.parse("5000.00");

    private final ChannelWorld w = new ChannelWorld();
    private final PaymentService service = w.service();

    private Consumer payer(String id) {
        return w.consumer(ConsumerSetup.of(id).alipayBalance(START_FUNDS).wechatBalance(START_FUNDS));
    }

    private SaleRequest alipaySale(Consumer consumer, String amount) {
        return w.sale(PaymentMethod.ALIPAY, amount, new Instrument.ScannedCode(w.code(consumer, Channel.ALIPAY)));
    }

    private SaleRequest wechatSale(Consumer consumer, String amount) {
        return w.sale(PaymentMethod.WECHAT_PAY, amount, new Instrument.ScannedCode(w.code(consumer, Channel.WECHAT)));
    }

    private Payment only() {
        assertThat(w.world.store.payments()).hasSize(1);
        return w.world.store.payments().getFirst();
    }

    private Money fundsOf(Consumer consumer) {
        return w.sandbox.consumers().get(consumer.id()).fundsTotal();
    }

    private void assertBooksMatchTheChannels() {
        LedgerReport report = service.checkLedger();
        assertThat(report.passed()).as(String.join("\n", report.lines())).isTrue();
        assertThat(w.receivedAtChannels()).isEqualTo(w.booked());
    }

    @Test
    void aLostAlipayResponseAfterTheMoneyMovedSucceedsExactlyOnce() {
        Consumer ann = payer("ann");
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ResponseLost()).onlyFor(Operation.PAY));

        SaleOutcome outcome = service.sale(alipaySale(ann, "100.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(only().history()).extracting(Transition::to)
                .containsExactly(PaymentState.PROCESSING, PaymentState.UNKNOWN, PaymentState.SUCCEEDED);
        assertThat(only().channelTradeNo()).isNotNull();
        assertThat(fundsOf(ann)).isEqualTo(START_FUNDS.plus(START_FUNDS).minus(Money.parse("100.00")));
        assertBooksMatchTheChannels();
    }

    @Test
    void anAlipaySystemErrorIsQueriedAndCancelledNeverTakenForARefusal() {
        Consumer bob = payer("bob");
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.SystemError()).onlyFor(Operation.PAY));

        SaleOutcome outcome = service.sale(alipaySale(bob, "100.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Reversed.class);
        assertThat(only().history().get(1).raw().value()).isEqualTo("40004/ACQ.SYSTEM_ERROR");
        assertThat(w.world.time.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(fundsOf(bob)).isEqualTo(START_FUNDS.plus(START_FUNDS));
        assertBooksMatchTheChannels();
    }

    @Test
    void aSystemErrorOnTheFirstQueryThenSuccessSucceedsOnce() {
        AtomicInteger queries = new AtomicInteger();
        ChannelWorld world = new ChannelWorld(7L, (sandbox, transport) -> new AlipayTransport() {
            @Override
            public TransportReply<AlipayPayResponse> pay(AlipayPayRequest request) {
                return transport.pay(request);
            }

            @Override
            public TransportReply<AlipayQueryResponse> query(AlipayTradeRequest request) {
                TransportReply<AlipayQueryResponse> reply = transport.query(request);
                if (queries.incrementAndGet() == 1) {
                    sandbox.faults().clear();   // the channel recovers after the first failed query
                }
                return reply;
            }

            @Override
            public TransportReply<AlipayCancelResponse> cancel(AlipayTradeRequest request) {
                return transport.cancel(request);
            }

            @Override
            public TransportReply<AlipayRefundResponse> refund(AlipayRefundRequest request) {
                return transport.refund(request);
            }
        });
        PaymentService payments = world.service();
        Consumer cat = world.consumer(ConsumerSetup.of("cat").alipayBalance(START_FUNDS));
        world.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ResponseLost()).onlyFor(Operation.PAY));
        world.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.SystemError()).onlyFor(Operation.QUERY));

        SaleOutcome outcome = payments.sale(world.sale(PaymentMethod.ALIPAY, "80.00",
                new Instrument.ScannedCode(world.code(cat, Channel.ALIPAY))));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(queries.get()).isEqualTo(2);
        assertThat(world.sandbox.consumers().get(cat.id()).fundsTotal()).isEqualTo(Money.parse("4920.00"));
        assertThat(world.receivedAtChannels()).isEqualTo(world.booked()).isEqualTo(Money.parse("80.00"));
        assertThat(payments.checkLedger().passed()).isTrue();
    }

    @Test
    void anAlipayBuyerWhoConfirmsWhileWeQuerySucceeds() {
        Consumer dan = w.consumer(ConsumerSetup.of("dan").alipayBalance(START_FUNDS)
                .password(PasswordConfirmation.above(Money.parse("500.00"), Duration.ofSeconds(8))));

        SaleOutcome outcome = service.sale(alipaySale(dan, "600.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(only().history().get(1).raw().value()).isEqualTo("10003");
        // queries after 3, 6 (still waiting), 10 s (confirmed at 8 s)
        assertThat(w.world.time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(4));
        assertBooksMatchTheChannels();
    }

    @Test
    void anAlipayBuyerWhoNeverConfirmsIsCancelledAndNotCharged() {
        Consumer eve = w.consumer(ConsumerSetup.of("eve").alipayBalance(START_FUNDS)
                .password(PasswordConfirmation.aboveButNeverConfirms(Money.parse("500.00"))));

        SaleOutcome outcome = service.sale(alipaySale(eve, "600.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Reversed.class);
        assertThat(fundsOf(eve)).isEqualTo(START_FUNDS);
        assertBooksMatchTheChannels();
    }

    @Test
    void aLateAlipayAnswerIsATimeoutSettledByQuery() {
        Consumer fay = payer("fay");
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.Delay(Duration.ofSeconds(15))).onlyFor(Operation.PAY));

        SaleOutcome outcome = service.sale(alipaySale(fay, "100.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(only().history().get(1).raw().value()).isEqualTo("TIMEOUT");
        assertBooksMatchTheChannels();
    }

    @Test
    void aWechatBuyerWhoConfirmsWhileWeQuerySucceeds() {
        Consumer gus = w.consumer(ConsumerSetup.of("gus").wechatBalance(START_FUNDS)
                .password(PasswordConfirmation.above(Money.parse("500.00"), Duration.ofSeconds(12))));

        SaleOutcome outcome = service.sale(wechatSale(gus, "600.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(only().history().get(1).raw().value()).isEqualTo("USERPAYING");
        assertThat(fundsOf(gus)).isEqualTo(Money.parse("4400.00"));
        assertBooksMatchTheChannels();
    }

    @Test
    void aWechatSystemErrorEndsReversedWithNothingTaken() {
        Consumer hal = payer("hal");
        w.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.SystemError()).onlyFor(Operation.PAY));

        SaleOutcome outcome = service.sale(wechatSale(hal, "100.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Reversed.class);
        assertThat(fundsOf(hal)).isEqualTo(START_FUNDS.plus(START_FUNDS));
        assertBooksMatchTheChannels();
    }

    @Test
    void aLostWechatResponseSucceedsOnce() {
        Consumer ivy = payer("ivy");
        w.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.ResponseLost()).onlyFor(Operation.PAY));

        assertThat(service.sale(wechatSale(ivy, "100.00"))).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(fundsOf(ivy)).isEqualTo(Money.parse("9900.00"));
        assertBooksMatchTheChannels();
    }

    @Test
    void aLostCardSaleIsReversedAndTheCardholderGetsTheMoneyBack() {
        Consumer jon = w.consumer(ConsumerSetup.of("jon").posOnlyCard("card", CardKind.DEBIT, "6222020000000000201", Pin.of("123456"),
                START_FUNDS, CardStatus.ACTIVE));
        Instrument.CardReference card = new Instrument.CardReference("card-jon");
        w.cards.hold(card, new SandboxCards.CardData("6222020000000000201", Pin.of("123456")));
        w.sandbox.faults().add(FaultRule.always(Channel.UNIONPAY, new Fault.ResponseLost()).onlyFor(Operation.PAY));

        SaleOutcome outcome = service.sale(w.sale(PaymentMethod.UNIONPAY_DEBIT, "300.00", card));

        assertThat(outcome).isInstanceOf(SaleOutcome.Reversed.class);
        assertThat(fundsOf(jon)).isEqualTo(START_FUNDS);
        assertBooksMatchTheChannels();
    }

    @Test
    void aRefundWhoseAnswerIsLostIsRetriedUnderTheSameIdAndRefundsOnce() {
        Consumer kim = payer("kim");
        SaleRequest sale = alipaySale(kim, "100.00");
        assertThat(service.sale(sale)).isInstanceOf(SaleOutcome.Succeeded.class);
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ResponseLost()).onlyFor(Operation.REFUND).everyNth(2));

        AdjustmentOutcome first = service.refund(RefundRequest.refund(PaymentWorld.MERCHANT, new RequestId.Client("000001-900001"), sale.request(),
                Money.parse("30.00")));
        AdjustmentOutcome second = service.refund(RefundRequest.refund(PaymentWorld.MERCHANT, new RequestId.Client("000001-900002"), sale.request(),
                Money.parse("20.00")));

        assertThat(first).isInstanceOf(AdjustmentOutcome.Done.class);
        assertThat(second).isInstanceOf(AdjustmentOutcome.Done.class);
        assertThat(fundsOf(kim)).isEqualTo(Money.parse("9950.00"));
        assertBooksMatchTheChannels();
    }

    @Test
    void aVoidGivesTheWholeAmountBackOnEveryChannel() {
        Consumer lea = payer("lea");
        SaleRequest alipay = alipaySale(lea, "100.00");
        SaleRequest wechat = wechatSale(lea, "50.00");
        service.sale(alipay);
        service.sale(wechat);

        assertThat(service.voidSale(PaymentWorld.MERCHANT, new RequestId.Client("000001-900011"), alipay.request()))
                .isInstanceOf(AdjustmentOutcome.Done.class);
        assertThat(service.voidSale(PaymentWorld.MERCHANT, new RequestId.Client("000001-900012"), wechat.request()))
                .isInstanceOf(AdjustmentOutcome.Done.class);

        assertThat(fundsOf(lea)).isEqualTo(START_FUNDS.plus(START_FUNDS));
        assertBooksMatchTheChannels();
    }

    @Test
    void whenAlipayIsDownSalesFailFastButAStuckPaymentIsStillResolved() {
        ChannelWorld w = new ChannelWorld(11L, new io.shoudan.channels.health.BreakerSettings(50, 20, 10, 4, Duration.ofMinutes(10), 2),
                (sandbox, transport) -> transport);
        PaymentService service = w.service();
        Consumer max = w.consumer(ConsumerSetup.of("max").alipayBalance(START_FUNDS));
        // the money moves, the answer is lost, then every query and cancel meets a system error: stuck UNKNOWN
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ResponseLost()).onlyFor(Operation.PAY));
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.SystemError()).onlyFor(Operation.QUERY, Operation.CANCEL));
        SaleOutcome stuck = service.sale(w.sale(PaymentMethod.ALIPAY, "100.00", new Instrument.ScannedCode(w.code(max, Channel.ALIPAY))));
        assertThat(stuck).isInstanceOf(SaleOutcome.StillUnknown.class);
        assertThat(w.health.status(Channel.ALIPAY)).isEqualTo(io.shoudan.channel.ChannelStatus.DOWN);

        SaleOutcome refused = service.sale(w.sale(PaymentMethod.ALIPAY, "10.00", new Instrument.ScannedCode(w.code(max, Channel.ALIPAY))));
        assertThat(refused).isInstanceOf(SaleOutcome.Failed.class);
        Payment failed = ((SaleOutcome.Failed) refused).payment();
        assertThat(failed.failure().reason()).isEqualTo(io.shoudan.reason.ReasonCode.MAINTENANCE_CHANNEL_UNAVAILABLE);
        assertThat(failed.failure().raw().value()).isEqualTo("CIRCUIT_OPEN");

        w.sandbox.faults().clear();
        service.recover();   // the breaker is still open: the query gets through anyway

        assertThat(w.world.store.payments()).extracting(Payment::state)
                .containsExactlyInAnyOrder(PaymentState.SUCCEEDED, PaymentState.FAILED);
        assertThat(w.sandbox.consumers().get(max.id()).fundsTotal()).isEqualTo(Money.parse("4900.00"));
        assertThat(w.receivedAtChannels()).isEqualTo(w.booked()).isEqualTo(Money.parse("100.00"));
        assertThat(service.checkLedger().passed()).isTrue();
    }

    @Test
    void huabeiInstallmentsTheMerchantPaysForAreBookedAsTheChannelWithholdsThem() {
        Consumer nia = w.consumer(ConsumerSetup.of("nia").huabei(START_FUNDS, START_FUNDS, io.shoudan.sandbox.consumer.HuabeiStatus.OPEN));

        SaleOutcome outcome = service.sale(w.sale(PaymentMethod.HUABEI, "600.00",
                io.shoudan.fee.Installments.of(6, io.shoudan.fee.InstallmentFeeBearer.MERCHANT),
                new Instrument.ScannedCode(w.code(nia, Channel.ALIPAY))));

        Payment paid = ((SaleOutcome.Succeeded) outcome).payment();
        assertThat(paid.fundingSource()).isEqualTo(io.shoudan.payment.FundingSource.HUABEI_INSTALLMENT);
        Money installmentFee = paid.fee().charged().installment();
        // the sandbox withholds the same installment fee from the merchant that our fee quote charged it
        assertThat(installmentFee).isEqualTo(Money.parse("27.00"));
        assertThat(w.receivedAtChannels()).isEqualTo(Money.parse("600.00").minus(installmentFee));
        assertThat(w.sandbox.merchants().channelFeeIncome(Channel.ALIPAY)).isEqualTo(installmentFee);
        assertThat(service.checkLedger().passed()).isTrue();
    }

    /**
     * A busy morning: sales on the three channels with every kind of fault injected at random into pays,
     * queries and cancels. After the service (and one recovery pass) nothing is left unknown, and the
     * channels, the consumers and our books agree to the fen.
     */
    @Test
    void underRandomFaultsEveryPaymentEndsOnceAndTheMoneyAgrees() {
        SplittableRandom random = new SplittableRandom(42);
        for (Channel channel : Channel.values()) {
            w.sandbox.faults().add(new FaultRule(channel, java.util.Set.of(Operation.PAY), null, 1, 12, new Fault.ResponseLost()));
            w.sandbox.faults().add(new FaultRule(channel, java.util.Set.of(Operation.PAY), null, 1, 10, new Fault.SystemError()));
            w.sandbox.faults().add(new FaultRule(channel, java.util.Set.of(Operation.PAY), null, 1, 10,
                    new Fault.UserPaying(Optional.of(Duration.ofSeconds(7)))));
            w.sandbox.faults().add(new FaultRule(channel, java.util.Set.of(Operation.PAY), null, 1, 8,
                    new Fault.UserPaying(Optional.empty())));
            w.sandbox.faults().add(new FaultRule(channel, java.util.Set.of(Operation.PAY), null, 1, 8, new Fault.Delay(Duration.ofSeconds(12))));
            w.sandbox.faults().add(new FaultRule(channel, java.util.Set.of(Operation.QUERY), null, 1, 15, new Fault.SystemError()));
            w.sandbox.faults().add(new FaultRule(channel, java.util.Set.of(Operation.QUERY), null, 1, 10, new Fault.ResponseLost()));
            w.sandbox.faults().add(new FaultRule(channel, java.util.Set.of(Operation.CANCEL), null, 1, 20, new Fault.ResponseLost()));
        }
        Consumer[] payers = new Consumer[6];
        for (int i = 0; i < payers.length; i++) {
            payers[i] = w.consumer(ConsumerSetup.of("c" + i).alipayBalance(START_FUNDS).wechatBalance(START_FUNDS)
                    .card("card", CardKind.DEBIT, String.format("62220200000003%05d", i), Pin.of("123456"), START_FUNDS, CardStatus.ACTIVE));
            w.cards.hold(new Instrument.CardReference("card-c" + i),
                    new SandboxCards.CardData(String.format("62220200000003%05d", i), Pin.of("123456")));
        }
        Money fundsBefore = w.sandbox.fundsTotal();

        for (int n = 0; n < 60; n++) {
            Consumer payer = payers[random.nextInt(payers.length)];
            String amount = Money.ofFen(100 + random.nextLong(20_000)).toString();
            SaleRequest sale = switch (random.nextInt(4)) {
                case 0 -> alipaySale(payer, amount);
                case 1 -> wechatSale(payer, amount);
                case 2 -> w.sale(PaymentMethod.UNIONPAY_QR, amount, new Instrument.ScannedCode(w.code(payer, Channel.UNIONPAY)));
                default -> w.sale(PaymentMethod.UNIONPAY_DEBIT, amount, new Instrument.CardReference("card-" + payer.id().value()));
            };
            service.sale(sale);
        }
        w.sandbox.faults().clear();
        service.recover();

        assertThat(w.world.store.payments()).hasSize(60);
        assertThat(w.world.store.payments()).extracting(Payment::state)
                .allMatch(state -> state == PaymentState.SUCCEEDED || state == PaymentState.FAILED || state == PaymentState.REVERSED);
        assertThat(w.world.store.payments()).extracting(Payment::state).contains(PaymentState.SUCCEEDED, PaymentState.REVERSED);
        assertBooksMatchTheChannels();
        Money spent = Money.ZERO;
        for (Consumer payer : payers) {
            spent = spent.plus(START_FUNDS.plus(START_FUNDS).plus(START_FUNDS).minus(fundsOf(payer)));
        }
        assertThat(spent).as("what the consumers lost is what the merchant received").isEqualTo(w.receivedAtChannels());
        assertThat(w.sandbox.fundsTotal()).isEqualTo(fundsBefore);
    }
}
