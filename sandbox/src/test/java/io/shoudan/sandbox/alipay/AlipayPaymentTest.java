package io.shoudan.sandbox.alipay;

import static io.shoudan.sandbox.Fixture.delivered;
import static io.shoudan.sandbox.Fixture.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoudan.money.Money;
import io.shoudan.sandbox.ChinaTime;
import io.shoudan.sandbox.Fixture;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.CardStatus;
import io.shoudan.sandbox.consumer.Consumer;
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

class AlipayPaymentTest {

    private static final String PAN = "6222020000000000001";
    private final Fixture f = new Fixture();

    private Money available(ConsumerId id, String source) {
        return f.sandbox.consumers().get(id).source(new SourceId(source)).available();
    }

    private TradeQueryResponse query(String outTradeNo) {
        return delivered(f.sandbox.alipay().query(TradeQueryRequest.byOutTradeNo(Fixture.APP_ID, outTradeNo)));
    }

    @Test
    void aPaidTradeAnswersWithAlipaysFields() {
        Consumer buyer = f.register(ConsumerSetup.of("ann").logonId("13812345678").alipayBalance(yuan("100.00")));
        TradePayRequest request = f.alipayPay(buyer.id(), "12.34");

        TradePayResponse response = f.pay(request);

        assertThat(response.code()).isEqualTo(AlipayCode.SUCCESS);
        assertThat(response.code().wire()).isEqualTo("10000");
        assertThat(response.tradeNo()).matches("20261123" + "22001" + "[0-9]{15}");
        assertThat(response.outTradeNo()).isEqualTo(request.outTradeNo());
        assertThat(response.buyerLogonId()).isEqualTo("138****5678");
        assertThat(response.totalAmount()).isEqualTo(yuan("12.34"));
        assertThat(response.receiptAmount()).isEqualTo(yuan("12.34"));
        assertThat(response.buyerPayAmount()).isEqualTo(yuan("12.34"));
        assertThat(response.gmtPayment()).isEqualTo(ChinaTime.of(Fixture.START));
        assertThat(response.fundBillList()).containsExactly(new FundBill("ALIPAYACCOUNT", yuan("12.34"), yuan("12.34"), null));
        assertThat(available(buyer.id(), "alipay-balance")).isEqualTo(yuan("87.66"));
        assertThat(f.sandbox.merchants().received(MerchantKey.alipay(Fixture.APP_ID))).isEqualTo(yuan("12.34"));
        assertThat(query(request.outTradeNo()).tradeStatus()).isEqualTo(TradeStatus.TRADE_SUCCESS);
    }

    @Test
    void anEmailLogonIsMaskedBeforeTheAt() {
        Consumer buyer = f.register(ConsumerSetup.of("e").logonId("zhangsan@example.com").alipayBalance(yuan("10.00")));

        assertThat(f.pay(f.alipayPay(buyer.id(), "1.00")).buyerLogonId()).isEqualTo("zha***@example.com");
    }

    @Test
    void theAppFallsBackToTheNextSourceInTheBuyersOrderWhenThePreferredOneIsShort() {
        ConsumerId id = f.register(ConsumerSetup.of("fb")
                .yuebao(yuan("5.00"))
                .huabei(yuan("100.00"), yuan("8.00"), HuabeiStatus.OPEN)
                .card("debit", CardKind.DEBIT, PAN, null, yuan("50.00"), CardStatus.ACTIVE)).id();

        TradePayResponse response = f.pay(f.alipayPay(id, "10.00"));

        assertThat(response.fundBillList()).extracting(FundBill::fundChannel, FundBill::fundType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BANKCARD", "DEBIT_CARD"));
        assertThat(available(id, "yuebao")).isEqualTo(yuan("5.00"));
        assertThat(available(id, "debit")).isEqualTo(yuan("40.00"));
    }

    @Test
    void aHuabeiPreferringBuyerPaysFromBalanceWhereTheAcquirerDisabledPcredit() {
        ConsumerId id = f.register(ConsumerSetup.of("hb")
                .huabei(yuan("1000.00"), yuan("1000.00"), HuabeiStatus.OPEN)
                .alipayBalance(yuan("50.00"))).id();

        TradePayResponse withHuabei = f.pay(f.alipayPay(id, "10.00"));
        TradePayResponse disabled = f.pay(f.alipayPay(id, "10.00").withDisablePayChannels("pcredit,pcreditpayInstallment"));

        assertThat(withHuabei.fundBillList().get(0).fundChannel()).isEqualTo("PCREDIT");
        assertThat(disabled.code()).isEqualTo(AlipayCode.SUCCESS);
        assertThat(disabled.fundBillList().get(0).fundChannel()).isEqualTo("ALIPAYACCOUNT");
    }

    @Test
    void aHuabeiPreferringBuyerWhoseBalanceIsShortIsRefusedBalanceNotEnoughWherePcreditIsDisabled() {
        ConsumerId id = f.register(ConsumerSetup.of("hb")
                .huabei(yuan("1000.00"), yuan("1000.00"), HuabeiStatus.OPEN)
                .alipayBalance(yuan("5.00"))).id();

        TradePayResponse response = f.pay(f.alipayPay(id, "10.00").withDisablePayChannels("pcredit"));

        assertThat(response.subCode()).isEqualTo(SubCode.BUYER_BALANCE_NOT_ENOUGH);
        assertThat(available(id, "huabei")).isEqualTo(yuan("1000.00"));
    }

    @ParameterizedTest(name = "disable_pay_channels={0}: Huabei used {1}")
    @CsvSource({
            "'',                   true",
            "pcredit,              false",
            "credit_group,         false",
            "pcreditpayInstallment, true",
            "balance,              true",
            "creditCard,           true"})
    void onlyTheHuabeiChannelNamesStopAHuabeiPayment(String disabled, boolean huabeiUsed) {
        ConsumerId id = f.register(ConsumerSetup.of("hb")
                .huabei(yuan("1000.00"), yuan("1000.00"), HuabeiStatus.OPEN)
                .alipayBalance(yuan("50.00"))).id();

        TradePayResponse response = f.pay(f.alipayPay(id, "10.00").withDisablePayChannels(disabled));

        assertThat(response.fundBillList().get(0).fundChannel().equals("PCREDIT")).isEqualTo(huabeiUsed);
    }

    @Test
    void anUnknownPayChannelNameIsAnInvalidParameter() {
        ConsumerId id = f.register(ConsumerSetup.of("a").alipayBalance(yuan("50.00"))).id();

        assertThat(f.pay(f.alipayPay(id, "10.00").withDisablePayChannels("pcredit,huabei")).subCode())
                .isEqualTo(SubCode.INVALID_PARAMETER);
    }

    @Test
    void aPaymentAboveThePasswordThresholdWaitsForTheBuyerAndCompletesWhenTheBuyerConfirms() {
        ConsumerId id = f.register(ConsumerSetup.of("pw").alipayBalance(yuan("5000.00"))
                .password(PasswordConfirmation.above(yuan("1000.00"), Duration.ofSeconds(8)))).id();
        TradePayRequest request = f.alipayPay(id, "1000.01");

        TradePayResponse response = f.pay(request);

        assertThat(response.code()).isEqualTo(AlipayCode.WAITING_FOR_BUYER);
        assertThat(response.code().wire()).isEqualTo("10003");
        assertThat(response.tradeNo()).isNotNull();
        assertThat(available(id, "alipay-balance")).isEqualTo(yuan("5000.00"));
        f.clock.advance(Duration.ofSeconds(8).minusNanos(1));
        assertThat(query(request.outTradeNo()).tradeStatus()).isEqualTo(TradeStatus.WAIT_BUYER_PAY);
        f.clock.advance(Duration.ofNanos(1));
        TradeQueryResponse paid = query(request.outTradeNo());
        assertThat(paid.tradeStatus()).isEqualTo(TradeStatus.TRADE_SUCCESS);
        assertThat(paid.sendPayDate()).isEqualTo(ChinaTime.of(Fixture.START.plusSeconds(8)));
        assertThat(available(id, "alipay-balance")).isEqualTo(yuan("3999.99"));
    }

    @ParameterizedTest(name = "threshold 1000.00, pay {0}: waits {1}")
    @CsvSource({"1000.00, false", "1000.01, true"})
    void thePasswordIsAskedStrictlyAboveTheThreshold(String amount, boolean waits) {
        ConsumerId id = f.register(ConsumerSetup.of("pw").alipayBalance(yuan("5000.00"))
                .password(PasswordConfirmation.typical())).id();

        assertThat(f.pay(f.alipayPay(id, amount)).code() == AlipayCode.WAITING_FOR_BUYER).isEqualTo(waits);
    }

    @Test
    void aBuyerWhoNeverConfirmsSeesTheTradeClosedWhenTheWindowEnds() {
        ConsumerId id = f.register(ConsumerSetup.of("pw").alipayBalance(yuan("5000.00"))
                .password(PasswordConfirmation.aboveButNeverConfirms(yuan("100.00")))).id();
        TradePayRequest request = f.alipayPay(id, "200.00");
        f.pay(request);

        f.clock.advance(Duration.ofSeconds(119));
        assertThat(query(request.outTradeNo()).tradeStatus()).isEqualTo(TradeStatus.WAIT_BUYER_PAY);
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(query(request.outTradeNo()).tradeStatus()).isEqualTo(TradeStatus.TRADE_CLOSED);
        assertThat(available(id, "alipay-balance")).isEqualTo(yuan("5000.00"));
    }

    @Test
    void aBuyerWhoSpentTheMoneyBeforeConfirmingSeesTheTradeClosed() {
        ConsumerId id = f.register(ConsumerSetup.of("pw").alipayBalance(yuan("1500.00"))
                .password(PasswordConfirmation.above(yuan("1000.00"), Duration.ofSeconds(10)))).id();
        TradePayRequest big = f.alipayPay(id, "1200.00");
        f.pay(big);
        f.pay(f.alipayPay(id, "500.00"));

        f.clock.advance(Duration.ofSeconds(10));

        assertThat(query(big.outTradeNo()).tradeStatus()).isEqualTo(TradeStatus.TRADE_CLOSED);
        assertThat(available(id, "alipay-balance")).isEqualTo(yuan("1000.00"));
    }

    @ParameterizedTest(name = "hb_fq_num={0}, hb_fq_seller_percent={1}: valid {2}")
    @CsvSource(nullValues = "null", value = {
            "3,    0,    true",
            "6,    0,    true",
            "12,   100,  true",
            "3,    100,  true",
            "0,    0,    false",
            "4,    0,    false",
            "24,   0,    false",
            "12,   50,   false",
            "12,   1,    false",
            "x,    0,    false",
            "3,    null, false",
            "null, 100,  false"})
    void installmentParametersAreValidated(String num, String percent, boolean valid) {
        ConsumerId id = f.register(ConsumerSetup.of("hb").huabei(yuan("10000.00"), yuan("10000.00"), HuabeiStatus.OPEN)).id();

        TradePayResponse response = f.pay(f.alipayPay(id, "600.00").withExtendParams(new ExtendParams(num, percent)));

        assertThat(response.code() == AlipayCode.SUCCESS).isEqualTo(valid);
        if (!valid) {
            assertThat(response.subCode()).isEqualTo(SubCode.INVALID_PARAMETER);
        }
    }

    @ParameterizedTest(name = "{0} installments of 1000.00, seller {1}%: fee {2}, Huabei charged {3}, merchant keeps {4}")
    @CsvSource({
            "3,  0,   23.00, 1023.00, 1000.00",
            "6,  0,   45.00, 1045.00, 1000.00",
            "12, 0,   75.00, 1075.00, 1000.00",
            "3,  100, 23.00, 1000.00, 977.00",
            "12, 100, 75.00, 1000.00, 925.00"})
    void theInstallmentFeeIsChargedToWhoeverBearsIt(int num, int percent, String fee, String charged, String kept) {
        ConsumerId id = f.register(ConsumerSetup.of("hb").huabei(yuan("10000.00"), yuan("10000.00"), HuabeiStatus.OPEN)
                .password(PasswordConfirmation.aboveButNeverConfirms(yuan("5000.00")))).id();

        TradePayResponse response = f.pay(f.alipayPay(id, "1000.00")
                .withExtendParams(ExtendParams.installments(num, percent)));

        assertThat(response.code()).isEqualTo(AlipayCode.SUCCESS);
        assertThat(response.hbFqPayInfo()).isEqualTo(new HbFqPayInfo(num, percent, yuan(fee)));
        assertThat(response.buyerPayAmount()).isEqualTo(yuan(charged));
        assertThat(available(id, "huabei")).isEqualTo(yuan("10000.00").minus(yuan(charged)));
        assertThat(f.sandbox.merchants().received(MerchantKey.alipay(Fixture.APP_ID))).isEqualTo(yuan(kept));
        assertThat(f.sandbox.fundsTotal()).isEqualTo(f.registeredFunds);
    }

    @ParameterizedTest(name = "fee on {0} at 2.30%: {1}")
    @CsvSource({"0.01, 0.00", "0.21, 0.00", "0.22, 0.01", "100.00, 2.30", "333.33, 7.67"})
    void theInstallmentFeeRoundsHalfUpToTheFen(String total, String fee) {
        assertThat(new HuabeiInstallment(3, 0).fee(yuan(total))).isEqualTo(yuan(fee));
    }

    @Test
    void installmentsArePaidOnlyByHuabeiNeverByBalance() {
        ConsumerId id = f.register(ConsumerSetup.of("bal").alipayBalance(yuan("10000.00"))).id();

        TradePayResponse response = f.pay(f.alipayPay(id, "600.00").withExtendParams(ExtendParams.installments(3, 0)));

        assertThat(response.subCode()).isEqualTo(SubCode.NO_PAYMENT_INSTRUMENTS_AVAILABLE);
    }

    @Test
    void installmentsWherePcreditpayInstallmentIsDisabledFindNoInstrument() {
        ConsumerId id = f.register(ConsumerSetup.of("hb").huabei(yuan("10000.00"), yuan("10000.00"), HuabeiStatus.OPEN)).id();

        TradePayResponse response = f.pay(f.alipayPay(id, "600.00").withExtendParams(ExtendParams.installments(3, 0))
                .withDisablePayChannels("pcreditpayInstallment"));

        assertThat(response.subCode()).isEqualTo(SubCode.NO_PAYMENT_INSTRUMENTS_AVAILABLE);
    }

    @ParameterizedTest(name = "scene={0}: refused")
    @CsvSource({"wave_code", "BAR_CODE", "security_code"})
    void onlyTheBarCodeSceneIsAccepted(String scene) {
        ConsumerId id = f.register(ConsumerSetup.of("a").alipayBalance(yuan("50.00"))).id();
        TradePayRequest base = f.alipayPay(id, "1.00");
        TradePayRequest request = new TradePayRequest(base.appId(), base.outTradeNo(), scene, base.authCode(),
                base.productCode(), base.subject(), base.totalAmount(), null, null, null, null, null);

        assertThat(f.pay(request).subCode()).isEqualTo(SubCode.INVALID_PARAMETER);
    }

    @Test
    void anUnknownAppIdIsRefusedAsInvalidArguments() {
        ConsumerId id = f.register(ConsumerSetup.of("a").alipayBalance(yuan("50.00"))).id();
        TradePayRequest base = f.alipayPay(id, "1.00");

        TradePayResponse response = f.pay(TradePayRequest.barCode("2099", "X", base.authCode(), yuan("1.00"), "g"));

        assertThat(response.code()).isEqualTo(AlipayCode.INVALID_ARGUMENTS);
        assertThat(response.subCode().wire()).isEqualTo("isv.invalid-app-id");
    }
}
