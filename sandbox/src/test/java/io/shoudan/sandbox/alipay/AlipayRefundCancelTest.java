package io.shoudan.sandbox.alipay;

import static io.shoudan.sandbox.Fixture.delivered;
import static io.shoudan.sandbox.Fixture.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.sandbox.Fixture;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.consumer.HuabeiStatus;
import io.shoudan.sandbox.consumer.PasswordConfirmation;
import io.shoudan.sandbox.consumer.SourceId;
import io.shoudan.sandbox.merchant.MerchantKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlipayRefundCancelTest {

    private final Fixture f = new Fixture();
    private final ConsumerId buyer = f.register(ConsumerSetup.of("b").alipayBalance(yuan("1000.00"))
            .password(PasswordConfirmation.aboveButNeverConfirms(yuan("500.00")))).id();

    private Money balance() {
        return f.sandbox.consumers().get(buyer).source(new SourceId("alipay-balance")).available();
    }

    private TradeRefundResponse refund(String outTradeNo, String amount, String requestNo) {
        return delivered(f.sandbox.alipay().refund(TradeRefundRequest.of(Fixture.APP_ID, outTradeNo, yuan(amount), requestNo)));
    }

    private TradeCancelResponse cancel(String outTradeNo) {
        return delivered(f.sandbox.alipay().cancel(TradeCancelRequest.byOutTradeNo(Fixture.APP_ID, outTradeNo)));
    }

    private TradeStatus status(String outTradeNo) {
        return delivered(f.sandbox.alipay().query(TradeQueryRequest.byOutTradeNo(Fixture.APP_ID, outTradeNo))).tradeStatus();
    }

    private String paid(String amount) {
        TradePayRequest request = f.alipayPay(buyer, amount);
        assertThat(f.pay(request).code()).isEqualTo(AlipayCode.SUCCESS);
        return request.outTradeNo();
    }

    @Test
    void aRefundRetriedWithTheSameOutRequestNoReturnsTheFirstResultWithoutMovingMoneyAgain() {
        String trade = paid("100.00");

        TradeRefundResponse first = refund(trade, "30.00", "R1");
        TradeRefundResponse retry = refund(trade, "30.00", "R1");

        assertThat(first.fundChange()).isEqualTo("Y");
        assertThat(retry.code()).isEqualTo(AlipayCode.SUCCESS);
        assertThat(retry.fundChange()).isEqualTo("N");
        assertThat(retry.refundFee()).isEqualTo(yuan("30.00"));
        assertThat(balance()).isEqualTo(yuan("930.00"));
    }

    @Test
    void theSameOutRequestNoWithAnotherAmountIsADiscordantRequest() {
        String trade = paid("100.00");
        refund(trade, "30.00", "R1");

        assertThat(refund(trade, "31.00", "R1").subCode()).isEqualTo(SubCode.DISCORDANT_REPEAT_REQUEST);
        assertThat(balance()).isEqualTo(yuan("930.00"));
    }

    @ParameterizedTest(name = "paid 100.00, refunded 60.00, then {0}: accepted {1}")
    @CsvSource({"39.99, true", "40.00, true", "40.01, false"})
    void refundsNeverExceedWhatWasPaid(String second, boolean accepted) {
        String trade = paid("100.00");
        refund(trade, "60.00", "R1");

        TradeRefundResponse response = refund(trade, second, "R2");

        assertThat(response.code() == AlipayCode.SUCCESS).isEqualTo(accepted);
        if (!accepted) {
            assertThat(response.subCode()).isEqualTo(SubCode.REFUND_AMT_NOT_EQUAL_TOTAL);
            assertThat(balance()).isEqualTo(yuan("960.00"));
        }
    }

    @Test
    void aFullyRefundedTradeIsClosedAndRefusesFurtherRefunds() {
        String trade = paid("100.00");
        refund(trade, "100.00", "R1");

        assertThat(status(trade)).isEqualTo(TradeStatus.TRADE_CLOSED);
        assertThat(refund(trade, "0.01", "R2").subCode()).isEqualTo(SubCode.TRADE_STATUS_ERROR);
        assertThat(balance()).isEqualTo(yuan("1000.00"));
    }

    @Test
    void aRefundOfAnUnknownTradeIsTradeNotExist() {
        assertThat(refund("nope", "1.00", "R1").subCode()).isEqualTo(SubCode.TRADE_NOT_EXIST);
    }

    @Test
    void aRefundOfATradeWaitingForTheBuyerIsRefused() {
        TradePayRequest request = f.alipayPay(buyer, "600.00");
        f.pay(request);

        assertThat(refund(request.outTradeNo(), "1.00", "R1").subCode()).isEqualTo(SubCode.TRADE_STATUS_ERROR);
    }

    @Test
    void cancellingAPaidTradeRefundsItAndClosesIt() {
        String trade = paid("100.00");
        refund(trade, "10.00", "R1");

        TradeCancelResponse response = cancel(trade);

        assertThat(response.code()).isEqualTo(AlipayCode.SUCCESS);
        assertThat(response.action()).isEqualTo("refund");
        assertThat(response.retryFlag()).isEqualTo("N");
        assertThat(status(trade)).isEqualTo(TradeStatus.TRADE_CLOSED);
        assertThat(balance()).isEqualTo(yuan("1000.00"));
        assertThat(f.sandbox.merchants().received(MerchantKey.alipay(Fixture.APP_ID))).isEqualTo(Money.ZERO);
    }

    @Test
    void cancellingATradeWaitingForTheBuyerClosesItAndTheBuyersLateConfirmationCannotPayIt() {
        ConsumerId late = f.register(ConsumerSetup.of("late").alipayBalance(yuan("5000.00"))
                .password(PasswordConfirmation.above(yuan("100.00"), Duration.ofSeconds(30)))).id();
        TradePayRequest request = f.alipayPay(late, "200.00");
        f.pay(request);

        TradeCancelResponse response = cancel(request.outTradeNo());
        f.clock.advance(Duration.ofSeconds(30));

        assertThat(response.action()).isEqualTo("close");
        assertThat(status(request.outTradeNo())).isEqualTo(TradeStatus.TRADE_CLOSED);
        assertThat(f.sandbox.consumers().get(late).fundsTotal()).isEqualTo(yuan("5000.00"));
    }

    @Test
    void aSecondCancelAnswersTheSameWithoutMovingMoney() {
        String trade = paid("100.00");
        cancel(trade);

        TradeCancelResponse again = cancel(trade);

        assertThat(again.code()).isEqualTo(AlipayCode.SUCCESS);
        assertThat(again.action()).isEqualTo("refund");
        assertThat(balance()).isEqualTo(yuan("1000.00"));
    }

    @ParameterizedTest(name = "cancel {0} s after the trade: allowed {1}")
    @CsvSource({"86399, true", "86400, false"})
    void aTradeCanBeCancelledOnlyWithin24Hours(long seconds, boolean allowed) {
        String trade = paid("100.00");
        f.clock.advance(Duration.ofSeconds(seconds));

        TradeCancelResponse response = cancel(trade);

        assertThat(response.code() == AlipayCode.SUCCESS).isEqualTo(allowed);
        if (!allowed) {
            assertThat(response.subCode()).isEqualTo(SubCode.TRADE_CANCEL_TIME_OUT);
            assertThat(response.retryFlag()).isEqualTo("N");
        }
    }

    @Test
    void cancellingAnOutTradeNoAlipayNeverSawClosesItForALateArrivingPay() {
        TradeCancelResponse response = cancel("never-seen");
        TradePayRequest late = TradePayRequest.barCode(Fixture.APP_ID, "never-seen", f.code(buyer, Channel.ALIPAY),
                yuan("10.00"), "goods");

        assertThat(response.code()).isEqualTo(AlipayCode.SUCCESS);
        assertThat(response.action()).isEqualTo("close");
        assertThat(f.pay(late).subCode()).isEqualTo(SubCode.TRADE_HAS_CLOSE);
        assertThat(balance()).isEqualTo(yuan("1000.00"));
    }

    @Test
    void aTradeIsFinishedAfterItsRefundPeriodAndRefusesRefundsAndCancels() {
        String trade = paid("100.00");
        f.clock.advance(Duration.ofDays(365));

        assertThat(status(trade)).isEqualTo(TradeStatus.TRADE_FINISHED);
        assertThat(refund(trade, "1.00", "R1").subCode()).isEqualTo(SubCode.TRADE_HAS_FINISHED);
    }

    @Test
    void refundingAnInstallmentTradeReturnsTheFeeInProportionAndAllOfItOnAFullRefund() {
        ConsumerId hb = f.register(ConsumerSetup.of("hb").huabei(yuan("10000.00"), yuan("10000.00"), HuabeiStatus.OPEN)
                .password(PasswordConfirmation.aboveButNeverConfirms(yuan("5000.00")))).id();
        TradePayRequest request = f.alipayPay(hb, "1000.00").withExtendParams(ExtendParams.installments(3, 100));
        f.pay(request);
        MerchantKey merchant = MerchantKey.alipay(Fixture.APP_ID);

        refund(request.outTradeNo(), "333.33", "R1");
        assertThat(f.sandbox.merchants().channelFeeIncome(Channel.ALIPAY)).isEqualTo(yuan("15.33"));
        refund(request.outTradeNo(), "666.67", "R2");

        assertThat(f.sandbox.merchants().channelFeeIncome(Channel.ALIPAY)).isEqualTo(Money.ZERO);
        assertThat(f.sandbox.merchants().received(merchant)).isEqualTo(Money.ZERO);
        assertThat(f.sandbox.consumers().get(hb).fundsTotal()).isEqualTo(yuan("10000.00"));
        assertThat(f.sandbox.fundsTotal()).isEqualTo(f.registeredFunds);
    }
}
