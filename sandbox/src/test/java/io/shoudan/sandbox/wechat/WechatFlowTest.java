package io.shoudan.sandbox.wechat;

import static io.shoudan.sandbox.Fixture.delivered;
import static io.shoudan.sandbox.Fixture.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.sandbox.ChinaTime;
import io.shoudan.sandbox.Fixture;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.CardStatus;
import io.shoudan.sandbox.consumer.Consumer;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.consumer.PasswordConfirmation;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.merchant.MerchantKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WechatFlowTest {

    private static final String PAN = "6222020000000000001";
    private static final String CREDIT_PAN = "6258880000000000001";
    private final Fixture f = new Fixture();

    private OrderQueryResponse query(String outTradeNo) {
        return delivered(f.sandbox.wechat().orderQuery(OrderQueryRequest.byOutTradeNo(null, Fixture.MCH_ID, outTradeNo)));
    }

    private ReverseResponse reverse(String outTradeNo) {
        return delivered(f.sandbox.wechat().reverse(ReverseRequest.byOutTradeNo(null, Fixture.MCH_ID, outTradeNo)));
    }

    private RefundResponse refund(String outTradeNo, String total, String amount, String outRefundNo) {
        return delivered(f.sandbox.wechat().refund(RefundRequest.of(null, Fixture.MCH_ID, outTradeNo, outRefundNo,
                yuan(total), yuan(amount))));
    }

    @Test
    void aPaidMicropayAnswersWithWechatsFields() {
        Consumer buyer = f.register(ConsumerSetup.of("w").wechatBalance(yuan("100.00")));
        MicropayRequest request = f.micropay(buyer.id(), "12.34");

        MicropayResponse response = f.pay(request);

        assertThat(response.returnCode()).isEqualTo("SUCCESS");
        assertThat(response.resultCode()).isEqualTo("SUCCESS");
        assertThat(response.errCode()).isNull();
        assertThat(response.openid()).isEqualTo(buyer.openid());
        assertThat(response.tradeType()).isEqualTo("MICROPAY");
        assertThat(response.bankType()).isEqualTo("OTHERS");
        assertThat(response.totalFee().fen()).isEqualTo(1234);
        assertThat(response.cashFee()).isEqualTo(yuan("12.34"));
        assertThat(response.transactionId()).matches("42000020261123[0-9]{14}");
        assertThat(response.timeEnd()).isEqualTo(ChinaTime.of(Fixture.START));
        assertThat(query(request.outTradeNo()).tradeState()).isEqualTo(TradeState.SUCCESS);
    }

    @Test
    void noCreditSkipsACreditCardFurtherDownTheBuyersOrder() {
        ConsumerId id = f.register(ConsumerSetup.of("w").wechatBalance(yuan("1.00"))
                .card("credit", CardKind.CREDIT, CREDIT_PAN, null, yuan("100.00"), CardStatus.ACTIVE)
                .card("debit", CardKind.DEBIT, PAN, null, yuan("100.00"), CardStatus.ACTIVE)).id();

        MicropayResponse limited = f.pay(f.micropay(id, "10.00").withLimitPay("no_credit"));
        MicropayResponse unlimited = f.pay(f.micropay(id, "10.00"));

        assertThat(limited.bankType()).isEqualTo("SDBANK_DEBIT");
        assertThat(unlimited.bankType()).isEqualTo("SDBANK_CREDIT");
    }

    @Test
    void userPayingThenConfirmedIsSuccessOnQuery() {
        ConsumerId id = f.register(ConsumerSetup.of("w").wechatBalance(yuan("5000.00"))
                .password(PasswordConfirmation.above(yuan("1000.00"), Duration.ofSeconds(12)))).id();
        MicropayRequest request = f.micropay(id, "2000.00");

        assertThat(f.pay(request).errCode()).isEqualTo(ErrCode.USERPAYING);
        f.clock.advance(Duration.ofSeconds(11));
        assertThat(query(request.outTradeNo()).tradeState()).isEqualTo(TradeState.USERPAYING);
        f.clock.advance(Duration.ofSeconds(1));
        OrderQueryResponse paid = query(request.outTradeNo());

        assertThat(paid.tradeState()).isEqualTo(TradeState.SUCCESS);
        assertThat(paid.timeEnd()).isEqualTo(ChinaTime.of(Fixture.START.plusSeconds(12)));
        assertThat(f.sandbox.consumers().get(id).fundsTotal()).isEqualTo(yuan("3000.00"));
    }

    @Test
    void retryingAUserPayingOrderWithTheSameBuyerAnswersUserPayingAgain() {
        ConsumerId id = f.register(ConsumerSetup.of("w").wechatBalance(yuan("5000.00"))
                .password(PasswordConfirmation.aboveButNeverConfirms(yuan("1000.00")))).id();
        MicropayRequest request = f.micropay(id, "2000.00");
        f.pay(request);

        assertThat(f.pay(request.withAuthCode(f.code(id, Channel.WECHAT))).errCode()).isEqualTo(ErrCode.USERPAYING);
    }

    @Test
    void userPayingNeverConfirmedIsClosedAfterTheWindow() {
        ConsumerId id = f.register(ConsumerSetup.of("w").wechatBalance(yuan("5000.00"))
                .password(PasswordConfirmation.aboveButNeverConfirms(yuan("1000.00")))).id();
        MicropayRequest request = f.micropay(id, "2000.00");
        f.pay(request);

        f.clock.advance(Duration.ofSeconds(120));

        assertThat(query(request.outTradeNo()).tradeState()).isEqualTo(TradeState.CLOSED);
    }

    @Test
    void aBankErrorLeavesTheOrderInPayError() {
        ConsumerId id = f.register(ConsumerSetup.of("w")
                .card("debit", CardKind.DEBIT, PAN, null, yuan("100.00"), CardStatus.ISSUER_UNAVAILABLE)).id();
        MicropayRequest request = f.micropay(id, "10.00");

        assertThat(f.pay(request).errCode()).isEqualTo(ErrCode.BANKERROR);
        assertThat(query(request.outTradeNo()).tradeState()).isEqualTo(TradeState.PAYERROR);
    }

    @Test
    void aSystemErrorLeavesAnUnpaidOrderThatReverseRevokes() {
        ConsumerId id = f.register(ConsumerSetup.of("w").wechatBalance(yuan("100.00"))).id();
        f.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.SystemError())
                .onlyFor(io.shoudan.sandbox.fault.Operation.PAY));
        MicropayRequest request = f.micropay(id, "10.00");

        assertThat(f.pay(request).errCode()).isEqualTo(ErrCode.SYSTEMERROR);
        assertThat(query(request.outTradeNo()).tradeState()).isEqualTo(TradeState.NOTPAY);
        assertThat(reverse(request.outTradeNo()).resultCode()).isEqualTo("SUCCESS");
        assertThat(query(request.outTradeNo()).tradeState()).isEqualTo(TradeState.REVOKED);
        assertThat(f.sandbox.consumers().get(id).fundsTotal()).isEqualTo(yuan("100.00"));
    }

    @Test
    void reversingAPaidOrderReturnsTheMoney() {
        ConsumerId id = f.register(ConsumerSetup.of("w").wechatBalance(yuan("100.00"))).id();
        MicropayRequest request = f.micropay(id, "10.00");
        f.pay(request);

        ReverseResponse response = reverse(request.outTradeNo());

        assertThat(response.recall()).isEqualTo("N");
        assertThat(query(request.outTradeNo()).tradeState()).isEqualTo(TradeState.REVOKED);
        assertThat(f.sandbox.consumers().get(id).fundsTotal()).isEqualTo(yuan("100.00"));
        assertThat(f.sandbox.merchants().received(MerchantKey.wechat(Fixture.MCH_ID))).isEqualTo(Money.ZERO);
    }

    @Test
    void anInjectedSystemErrorOnReverseAsksForARecall() {
        f.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.SystemError())
                .onlyFor(io.shoudan.sandbox.fault.Operation.CANCEL));

        ReverseResponse response = reverse("any");

        assertThat(response.errCode()).isEqualTo(ErrCode.SYSTEMERROR);
        assertThat(response.recall()).isEqualTo("Y");
    }

    @ParameterizedTest(name = "paid 100.00, refunded 60.00, then {0}: accepted {1}")
    @CsvSource({"40.00, true", "40.01, false"})
    void refundsNeverExceedWhatWasPaidAndTheOrderShowsRefund(String second, boolean accepted) {
        ConsumerId id = f.register(ConsumerSetup.of("w").wechatBalance(yuan("100.00"))).id();
        MicropayRequest request = f.micropay(id, "100.00");
        f.pay(request);
        refund(request.outTradeNo(), "100.00", "60.00", "R1");

        RefundResponse response = refund(request.outTradeNo(), "100.00", second, "R2");

        assertThat(response.resultCode().equals("SUCCESS")).isEqualTo(accepted);
        assertThat(query(request.outTradeNo()).tradeState()).isEqualTo(TradeState.REFUND);
        assertThat(f.sandbox.consumers().get(id).fundsTotal()).isEqualTo(accepted ? yuan("100.00") : yuan("60.00"));
    }

    @Test
    void aRefundRetriedWithTheSameOutRefundNoIsAnsweredOnce() {
        ConsumerId id = f.register(ConsumerSetup.of("w").wechatBalance(yuan("100.00"))).id();
        MicropayRequest request = f.micropay(id, "100.00");
        f.pay(request);

        RefundResponse first = refund(request.outTradeNo(), "100.00", "30.00", "R1");
        RefundResponse retry = refund(request.outTradeNo(), "100.00", "30.00", "R1");
        RefundResponse changed = refund(request.outTradeNo(), "100.00", "31.00", "R1");

        assertThat(retry).isEqualTo(first);
        assertThat(changed.errCode()).isEqualTo(ErrCode.ERROR);
        assertThat(f.sandbox.consumers().get(id).fundsTotal()).isEqualTo(yuan("30.00"));
    }

    @Test
    void theSameOutTradeNoWithAnotherAmountIsOutTradeNoUsed() {
        ConsumerId id = f.register(ConsumerSetup.of("w").wechatBalance(yuan("100.00"))).id();
        MicropayRequest request = f.micropay(id, "10.00");
        f.pay(request);

        assertThat(f.pay(request.withTotalFee(yuan("11.00")).withAuthCode(f.code(id, Channel.WECHAT))).errCode())
                .isEqualTo(ErrCode.OUT_TRADE_NO_USED);
    }

    @Test
    void aBuyerRefusedForFundsMayRetryTheSameOrderAfterToppingUp() {
        ConsumerId id = f.register(ConsumerSetup.of("w").wechatBalance(yuan("5.00"))).id();
        MicropayRequest request = f.micropay(id, "10.00");
        assertThat(f.pay(request).errCode()).isEqualTo(ErrCode.NOTENOUGH);
        assertThat(query(request.outTradeNo()).tradeState()).isEqualTo(TradeState.PAYERROR);
        f.sandbox.consumers().credit(id, new io.shoudan.sandbox.consumer.SourceId("wechat-balance"), yuan("10.00"));

        MicropayResponse retry = f.pay(request.withAuthCode(f.code(id, Channel.WECHAT)));

        assertThat(retry.resultCode()).isEqualTo("SUCCESS");
        assertThat(query(request.outTradeNo()).tradeState()).isEqualTo(TradeState.SUCCESS);
    }
}
