package io.shoudan.server.channel.http;

import io.shoudan.channels.TransportReply;
import io.shoudan.channels.alipay.AlipayCancelResponse;
import io.shoudan.channels.alipay.AlipayPayRequest;
import io.shoudan.channels.alipay.AlipayPayResponse;
import io.shoudan.channels.alipay.AlipayQueryResponse;
import io.shoudan.channels.alipay.AlipayRefundRequest;
import io.shoudan.channels.alipay.AlipayRefundResponse;
import io.shoudan.channels.alipay.AlipayTradeRequest;
import io.shoudan.channels.alipay.AlipayTransport;
import io.shoudan.channels.health.ChannelHealth;
import io.shoudan.fee.InstallmentFeeBearer;
import io.shoudan.fee.Installments;
import io.shoudan.ledger.LedgerReport;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.AdjustmentOutcome;
import io.shoudan.payment.FundingSource;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RefundRequest;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.SaleOutcome;
import io.shoudan.payment.SaleRequest;
import io.shoudan.payment.Transition;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.sandbox.consumer.Consumer;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.consumer.HuabeiStatus;
import io.shoudan.sandbox.consumer.PasswordConfirmation;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.fault.Operation;
import io.shoudan.sandbox.merchant.MerchantKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP transports end to end: core's payment service → the real adapters → the official Alipay SDK
 * ({@code SdkAlipayTransport}) and WeChat XML over the JDK's HttpClient ({@code HttpWechatTransport}) →
 * the sandbox's HTTP server on a loopback port, with RSA2 and HMAC-SHA256 checked both ways. Whatever
 * happens, every payment ends once, nobody is charged twice, and our books equal the channels'.
 */
class HttpChannelsOverSandboxTest {

    private static final Money START_FUNDS = Money.parse("5000.00");

    @TempDir
    Path data;

    private HttpChannelWorld w;

    private HttpChannelWorld world() {
        return world(UnaryOperator.identity());
    }

    private HttpChannelWorld world(UnaryOperator<AlipayTransport> alipayWrapper) {
        w = new HttpChannelWorld(data, alipayWrapper, UnaryOperator.identity());
        return w;
    }

    @AfterEach
    void stopTheServer() {
        if (w != null) {
            w.close();
        }
    }

    private Consumer payer(String id) {
        return w.consumer(ConsumerSetup.of(id).alipayBalance(START_FUNDS).wechatBalance(START_FUNDS));
    }

    private void assertBooksMatchTheChannels(PaymentService service) {
        LedgerReport report = service.checkLedger();
        assertThat(report.passed()).as(String.join("\n", report.lines())).isTrue();
        assertThat(w.receivedAtChannels()).isEqualTo(w.booked());
    }

    private static String raw(Payment payment, int step) {
        return payment.history().get(step).raw().value();
    }

    // ---------------------------------------------------------------- Alipay over the official SDK

    @Test
    void anAlipayPaymentGoesThroughTheOfficialSdkAndIsPaidOnce() {
        PaymentService service = world().service();
        Consumer ann = payer("ann");

        SaleOutcome outcome = service.sale(w.alipaySale(ann, "88.80"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        Payment paid = w.only();
        assertThat(paid.history()).extracting(Transition::to).containsExactly(PaymentState.PROCESSING, PaymentState.SUCCEEDED);
        assertThat(raw(paid, 1)).isEqualTo("10000");
        assertThat(paid.channelTradeNo().value()).matches("[0-9]{28}");
        assertThat(paid.fundingSource()).isEqualTo(FundingSource.WALLET_BALANCE);
        assertThat(w.fundsOf(ann)).isEqualTo(START_FUNDS.plus(START_FUNDS).minus(Money.parse("88.80")));
        assertBooksMatchTheChannels(service);
    }

    @Test
    void whereWeDisabledHuabeiAHuabeiOnlyBuyerGetsTheRefusalWithOurReason() {
        PaymentService service = world().service();
        // The acquirer's decision: this merchant may not take Huabei (the gate says so), so the adapter
        // sends disable_pay_channels through the SDK and the sandbox's consumer app honours it.
        w.world.verdicts.set((snapshot, intent) -> intent.method() == PaymentMethod.HUABEI
                ? PaymentWorld.refuse(intent, Reason.of(ReasonCode.MERCHANT_PRODUCT_NOT_SIGNED, "method", "HUABEI"))
                : PaymentWorld.allow(intent));
        Consumer lea = w.consumer(ConsumerSetup.of("lea").huabei(Money.parse("5000.00"), Money.parse("5000.00"), HuabeiStatus.OPEN));

        SaleOutcome outcome = service.sale(w.alipaySale(lea, "100.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Failed.class);
        Payment failed = w.only();
        assertThat(failed.failure().reason()).isEqualTo(ReasonCode.CONSUMER_INSUFFICIENT_FUNDS);
        assertThat(failed.failure().raw().value()).isEqualTo("40004/ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE");
        assertThat(w.fundsOf(lea)).isEqualTo(Money.parse("5000.00"));
        assertBooksMatchTheChannels(service);
    }

    @Test
    void whereHuabeiIsAllowedTheSameBuyerPaysWithHuabei() {
        PaymentService service = world().service();
        Consumer lea = w.consumer(ConsumerSetup.of("lea").huabei(Money.parse("5000.00"), Money.parse("5000.00"), HuabeiStatus.OPEN));

        SaleOutcome outcome = service.sale(w.alipaySale(lea, "100.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(w.only().fundingSource()).isEqualTo(FundingSource.HUABEI);
        assertBooksMatchTheChannels(service);
    }

    @Test
    void huabeiInstallmentsTravelAsExtendParamsAndComeBackAsInstallments() {
        PaymentService service = world().service();
        Consumer ola = w.consumer(ConsumerSetup.of("ola").huabei(Money.parse("5000.00"), Money.parse("5000.00"), HuabeiStatus.OPEN));
        String code = w.sandbox.codes().issue(ola.id(), Channel.ALIPAY).code();

        SaleOutcome outcome = service.sale(w.sale(PaymentMethod.HUABEI, "600.00", Installments.of(3, InstallmentFeeBearer.BUYER), code));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(w.only().fundingSource()).isEqualTo(FundingSource.HUABEI_INSTALLMENT);
        // buyer-borne 3-period fee (sandbox's assumed 2.30 %): 600.00 + 13.80 from Huabei, the merchant gets 600.00
        assertThat(w.fundsOf(ola)).isEqualTo(Money.parse("4386.20"));
        assertThat(w.sandbox.merchants().received(MerchantKey.alipay(HttpChannelWorld.APP_ID))).isEqualTo(Money.parse("600.00"));
    }

    @Test
    void aBuyerConfirmingWith10003IsQueriedUntilPaidNeverTakenForSuccessEarly() {
        PaymentService service = world().service();
        Consumer dan = w.consumer(ConsumerSetup.of("dan").alipayBalance(START_FUNDS)
                .password(PasswordConfirmation.above(Money.parse("500.00"), Duration.ofSeconds(8))));

        SaleOutcome outcome = service.sale(w.alipaySale(dan, "600.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        Payment paid = w.only();
        assertThat(paid.history()).extracting(Transition::to)
                .containsExactly(PaymentState.PROCESSING, PaymentState.UNKNOWN, PaymentState.SUCCEEDED);
        assertThat(raw(paid, 1)).isEqualTo("10003");
        assertThat(raw(paid, 2)).isEqualTo("10000/TRADE_SUCCESS");
        // queries after 3, 6 (still waiting), 10 s (confirmed at 8 s)
        assertThat(w.world.time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(4));
        assertThat(w.fundsOf(dan)).isEqualTo(Money.parse("4400.00"));
        assertBooksMatchTheChannels(service);
    }

    @Test
    void anAcqSystemErrorOnPayIsQueriedAndCancelledNeverARefusal() {
        PaymentService service = world().service();
        Consumer bob = payer("bob");
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.SystemError()).onlyFor(Operation.PAY));

        SaleOutcome outcome = service.sale(w.alipaySale(bob, "100.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Reversed.class);
        assertThat(raw(w.only(), 1)).isEqualTo("40004/ACQ.SYSTEM_ERROR");
        assertThat(w.fundsOf(bob)).isEqualTo(START_FUNDS.plus(START_FUNDS));
        assertBooksMatchTheChannels(service);
    }

    @Test
    void anAcqSystemErrorOnTheFirstQueryThenSuccessSucceedsOnce() {
        AtomicInteger queries = new AtomicInteger();
        PaymentService service = world(transport -> recoveringAfterFirstQuery(transport, queries)).service();
        Consumer cat = payer("cat");
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ResponseLost()).onlyFor(Operation.PAY));
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.SystemError()).onlyFor(Operation.QUERY));

        SaleOutcome outcome = service.sale(w.alipaySale(cat, "80.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(queries.get()).isEqualTo(2);
        assertThat(raw(w.only(), 1)).isEqualTo("TIMEOUT");
        assertThat(w.fundsOf(cat)).isEqualTo(START_FUNDS.plus(START_FUNDS).minus(Money.parse("80.00")));
        assertBooksMatchTheChannels(service);
    }

    @Test
    void aLostAlipayResponseAfterTheMoneyMovedSucceedsExactlyOnce() {
        PaymentService service = world().service();
        Consumer eve = payer("eve");
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ResponseLost()).onlyFor(Operation.PAY));

        SaleOutcome outcome = service.sale(w.alipaySale(eve, "100.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        Payment paid = w.only();
        assertThat(paid.history()).extracting(Transition::to)
                .containsExactly(PaymentState.PROCESSING, PaymentState.UNKNOWN, PaymentState.SUCCEEDED);
        assertThat(raw(paid, 1)).isEqualTo("TIMEOUT");
        assertThat(w.fundsOf(eve)).isEqualTo(START_FUNDS.plus(START_FUNDS).minus(Money.parse("100.00")));
        assertBooksMatchTheChannels(service);
    }

    @Test
    void aTamperedAlipaySignatureIsRecordedAndThePaymentIsSettledByQueryOnce() {
        PaymentService service = world().service();
        Consumer fay = payer("fay");
        // The pay is processed (the money moves) and answered "10000", but the answer's sign is corrupted:
        // the SDK's own check refuses it. Neither a success nor a refusal may be read from it.
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.TamperSignature()).onlyFor(Operation.PAY));

        SaleOutcome outcome = service.sale(w.alipaySale(fay, "100.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        Payment paid = w.only();
        assertThat(paid.history()).extracting(Transition::to)
                .containsExactly(PaymentState.PROCESSING, PaymentState.UNKNOWN, PaymentState.SUCCEEDED);
        assertThat(raw(paid, 1)).isEqualTo("SECURITY.SIGNATURE_INVALID");
        assertThat(raw(paid, 2)).isEqualTo("10000/TRADE_SUCCESS");
        assertThat(w.fundsOf(fay)).isEqualTo(START_FUNDS.plus(START_FUNDS).minus(Money.parse("100.00")));
        assertThat(w.sandbox.merchants().received(MerchantKey.alipay(HttpChannelWorld.APP_ID))).isEqualTo(Money.parse("100.00"));
        assertBooksMatchTheChannels(service);
    }

    @Test
    void aTamperedSignatureOnARefusalIsNotBelievedEither() {
        PaymentService service = world().service();
        Consumer gil = w.consumer(ConsumerSetup.of("gil").alipayBalance(Money.parse("10.00")));
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.TamperSignature()).onlyFor(Operation.PAY));

        SaleOutcome outcome = service.sale(w.alipaySale(gil, "100.00"));

        // the refusal (ACQ.BUYER_BALANCE_NOT_ENOUGH) could not be trusted: unknown, queried (no such trade), cancelled
        assertThat(outcome).isInstanceOf(SaleOutcome.Reversed.class);
        assertThat(raw(w.only(), 1)).isEqualTo("SECURITY.SIGNATURE_INVALID");
        assertThat(w.fundsOf(gil)).isEqualTo(Money.parse("10.00"));
        assertBooksMatchTheChannels(service);
    }

    @Test
    void answersThatNeverVerifyCountAgainstTheChannelsHealth() {
        PaymentService service = world().service();
        Consumer hal = payer("hal");
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.TamperSignature()));

        SaleOutcome outcome = service.sale(w.alipaySale(hal, "100.00"));

        // every query answer is untrusted too: the payment stays unknown for recovery, nobody guessed
        assertThat(outcome).isInstanceOf(SaleOutcome.StillUnknown.class);
        assertThat(w.only().history()).extracting(Transition::raw).extracting(r -> r == null ? null : r.value())
                .contains("SECURITY.SIGNATURE_INVALID");
        ChannelHealth health = w.health;
        assertThat(health.breaker(Channel.ALIPAY).getMetrics().getNumberOfFailedCalls()).isGreaterThanOrEqualTo(13);
        assertThat(health.breaker(Channel.ALIPAY).getMetrics().getNumberOfSuccessfulCalls()).isZero();
    }

    // ---------------------------------------------------------------- WeChat Pay over XML / HMAC-SHA256

    @Test
    void aWechatPaymentIsSignedVerifiedAndPaidOnce() {
        PaymentService service = world().service();
        Consumer ivy = payer("ivy");

        SaleOutcome outcome = service.sale(w.wechatSale(ivy, "12.34"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(raw(w.only(), 1)).isEqualTo("SUCCESS");
        assertThat(w.only().fundingSource()).isEqualTo(FundingSource.WALLET_BALANCE);
        assertThat(w.fundsOf(ivy)).isEqualTo(START_FUNDS.plus(START_FUNDS).minus(Money.parse("12.34")));
        assertBooksMatchTheChannels(service);
    }

    @Test
    void aWechatBuyerWhoConfirmsWhileWeQuerySucceeds() {
        PaymentService service = world().service();
        Consumer gus = w.consumer(ConsumerSetup.of("gus").wechatBalance(START_FUNDS)
                .password(PasswordConfirmation.above(Money.parse("500.00"), Duration.ofSeconds(12))));

        SaleOutcome outcome = service.sale(w.wechatSale(gus, "600.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(raw(w.only(), 1)).isEqualTo("USERPAYING");
        assertThat(raw(w.only(), 2)).isEqualTo("trade_state=SUCCESS");
        assertThat(w.fundsOf(gus)).isEqualTo(Money.parse("4400.00"));
        assertBooksMatchTheChannels(service);
    }

    @Test
    void aWechatSystemErrorNeverResolvedEndsReversedWithNothingTaken() {
        PaymentService service = world().service();
        Consumer jon = payer("jon");
        w.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.SystemError()).onlyFor(Operation.PAY));

        SaleOutcome outcome = service.sale(w.wechatSale(jon, "100.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Reversed.class);
        Payment reversed = w.only();
        assertThat(raw(reversed, 1)).isEqualTo("SYSTEMERROR");
        assertThat(reversed.history().getLast().raw().value()).isEqualTo("reverse=SUCCESS");
        // 5 + 10 + 10 + 10 + 10 s of queries, then reverse
        assertThat(w.world.time.slept()).isEqualTo(Duration.ofSeconds(45));
        assertThat(w.fundsOf(jon)).isEqualTo(START_FUNDS.plus(START_FUNDS));
        assertBooksMatchTheChannels(service);
    }

    @Test
    void aBadWechatResponseSignIsRecordedAndThePaymentIsSettledByQueryOnce() {
        PaymentService service = world().service();
        Consumer kim = payer("kim");
        w.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.TamperSignature()).onlyFor(Operation.PAY));

        SaleOutcome outcome = service.sale(w.wechatSale(kim, "100.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        Payment paid = w.only();
        assertThat(paid.history()).extracting(Transition::to)
                .containsExactly(PaymentState.PROCESSING, PaymentState.UNKNOWN, PaymentState.SUCCEEDED);
        assertThat(raw(paid, 1)).isEqualTo("SECURITY.SIGNATURE_INVALID");
        assertThat(raw(paid, 2)).isEqualTo("trade_state=SUCCESS");
        assertThat(w.fundsOf(kim)).isEqualTo(START_FUNDS.plus(START_FUNDS).minus(Money.parse("100.00")));
        assertBooksMatchTheChannels(service);
    }

    @Test
    void aLostWechatResponseSucceedsOnce() {
        PaymentService service = world().service();
        Consumer liz = payer("liz");
        w.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.ResponseLost()).onlyFor(Operation.PAY));

        SaleOutcome outcome = service.sale(w.wechatSale(liz, "100.00"));

        assertThat(outcome).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(raw(w.only(), 1)).isEqualTo("TIMEOUT");
        assertThat(w.fundsOf(liz)).isEqualTo(START_FUNDS.plus(START_FUNDS).minus(Money.parse("100.00")));
        assertBooksMatchTheChannels(service);
    }

    // ---------------------------------------------------------------- refunds and voids over HTTP

    @Test
    void refundsWhoseAnswerIsLostAreRetriedUnderTheSameIdAndRefundOnceOnBothChannels() {
        PaymentService service = world().service();
        Consumer max = payer("max");
        SaleRequest alipaySale = w.alipaySale(max, "100.00");
        SaleRequest wechatSale = w.wechatSale(max, "60.00");
        assertThat(service.sale(alipaySale)).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(service.sale(wechatSale)).isInstanceOf(SaleOutcome.Succeeded.class);
        w.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.ResponseLost()).onlyFor(Operation.REFUND).everyNth(2));
        w.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.TamperSignature()).onlyFor(Operation.REFUND).everyNth(2));

        AdjustmentOutcome alipayFirst = service.refund(RefundRequest.refund(PaymentWorld.MERCHANT, new RequestId.Client("000002-900001"),
                alipaySale.request(), Money.parse("30.00")));
        AdjustmentOutcome alipaySecond = service.refund(RefundRequest.refund(PaymentWorld.MERCHANT, new RequestId.Client("000002-900002"),
                alipaySale.request(), Money.parse("20.00")));
        AdjustmentOutcome wechatFirst = service.refund(RefundRequest.refund(PaymentWorld.MERCHANT, new RequestId.Client("000002-900003"),
                wechatSale.request(), Money.parse("10.00")));
        AdjustmentOutcome wechatSecond = service.refund(RefundRequest.refund(PaymentWorld.MERCHANT, new RequestId.Client("000002-900004"),
                wechatSale.request(), Money.parse("15.00")));

        assertThat(List.of(alipayFirst, alipaySecond, wechatFirst, wechatSecond)).allMatch(AdjustmentOutcome.Done.class::isInstance);
        // 5000 + 5000 − 100 − 60 + 30 + 20 + 10 + 15
        assertThat(w.fundsOf(max)).isEqualTo(Money.parse("9915.00"));
        assertBooksMatchTheChannels(service);
    }

    @Test
    void aVoidGivesTheWholeAmountBackOnBothChannels() {
        PaymentService service = world().service();
        Consumer ned = payer("ned");
        SaleRequest alipaySale = w.alipaySale(ned, "100.00");
        SaleRequest wechatSale = w.wechatSale(ned, "50.00");
        service.sale(alipaySale);
        service.sale(wechatSale);

        assertThat(service.voidSale(PaymentWorld.MERCHANT, new RequestId.Client("000002-900011"), alipaySale.request()))
                .isInstanceOf(AdjustmentOutcome.Done.class);
        assertThat(service.voidSale(PaymentWorld.MERCHANT, new RequestId.Client("000002-900012"), wechatSale.request()))
                .isInstanceOf(AdjustmentOutcome.Done.class);

        assertThat(w.fundsOf(ned)).isEqualTo(START_FUNDS.plus(START_FUNDS));
        assertBooksMatchTheChannels(service);
    }

    /** The channel recovers after the first (failed) query: the faults are lifted once it has answered. */
    private AlipayTransport recoveringAfterFirstQuery(AlipayTransport transport, AtomicInteger queries) {
        return new AlipayTransport() {
            @Override
            public TransportReply<AlipayPayResponse> pay(AlipayPayRequest request) {
                return transport.pay(request);
            }

            @Override
            public TransportReply<AlipayQueryResponse> query(AlipayTradeRequest request) {
                TransportReply<AlipayQueryResponse> reply = transport.query(request);
                if (queries.incrementAndGet() == 1) {
                    assertThat(reply).isInstanceOf(TransportReply.Answered.class);
                    assertThat(((TransportReply.Answered<AlipayQueryResponse>) reply).answer().subCode()).isEqualTo("ACQ.SYSTEM_ERROR");
                    w.sandbox.faults().clear();
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
        };
    }
}
