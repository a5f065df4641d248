package io.shoudan.sandbox.alipay;

import static io.shoudan.sandbox.Fixture.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import io.shoudan.method.Channel;
import io.shoudan.sandbox.Fixture;
import io.shoudan.sandbox.consumer.AccountStatus;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.CardStatus;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.ConsumerLimits;
import io.shoudan.sandbox.consumer.ConsumerSetup;
import io.shoudan.sandbox.consumer.HuabeiStatus;
import io.shoudan.sandbox.consumer.PasswordConfirmation;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.merchant.ChannelMerchant;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.MerchantStatus;
import io.shoudan.sandbox.merchant.SignedProduct;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each sub_code of CHANNELS.md, produced by the consumer, merchant or fault state that causes it. */
class AlipaySubCodeTest {

    /** The sub_codes Alipay documents for alipay.trade.pay (docs/CHANNELS.md lists them with their mapping). */
    private static final Set<String> CHANNELS_MD_SUB_CODES = Set.of(
            "ACQ.SYSTEM_ERROR", "ACQ.PAYMENT_AUTH_CODE_INVALID", "ACQ.BUYER_BALANCE_NOT_ENOUGH",
            "ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH", "ACQ.BUYER_ENABLE_STATUS_FORBID", "ACQ.TRADE_HAS_SUCCESS",
            "ACQ.TRADE_HAS_CLOSE", "ACQ.PAYMENT_FAIL", "ACQ.SELLER_BEEN_BLOCKED", "ACQ.PRODUCT_AMOUNT_LIMIT_ERROR",
            "ACQ.BEYOND_PAY_RESTRICTION", "ACQ.BEYOND_PER_RECEIPT_RESTRICTION",
            "ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR", "ACQ.PAYMENT_REQUEST_HAS_RISK",
            "ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE", "ACQ.TOTAL_FEE_EXCEED", "ACQ.CONTEXT_INCONSISTENT",
            "ACQ.ACCESS_FORBIDDEN", "ACQ.ERROR_BUYER_CERTIFY_LEVEL_LIMIT");

    private static final String PAN = "6222020000000000001";

    interface Scenario extends Function<Fixture, TradePayResponse> {
    }

    private static ConsumerId buyer(Fixture f, ConsumerSetup setup) {
        return f.register(setup).id();
    }

    private static ConsumerId plain(Fixture f) {
        return buyer(f, Fixture.wellOff("buyer", PAN));
    }

    private static void limitMerchant(Fixture f, String perTrade, String daily, String monthly) {
        f.sandbox.merchants().update(MerchantKey.alipay(Fixture.APP_ID),
                m -> m.withLimits(yuan(perTrade), yuan(daily), yuan(monthly)));
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("the channel fails (injected system error)", SubCode.SYSTEM_ERROR, (Scenario) f -> {
                    f.sandbox.faults().add(FaultRule.always(Channel.ALIPAY, new Fault.SystemError()));
                    return f.pay(f.alipayPay(plain(f), "10.00"));
                }),
                Arguments.of("the payment code was already used", SubCode.PAYMENT_AUTH_CODE_INVALID, (Scenario) f -> {
                    TradePayRequest first = f.alipayPay(plain(f), "10.00");
                    f.pay(first);
                    return f.pay(TradePayRequest.barCode(Fixture.APP_ID, f.nextOutTradeNo(), first.authCode(),
                            yuan("10.00"), "goods"));
                }),
                Arguments.of("the payment code expired", SubCode.PAYMENT_AUTH_CODE_INVALID, (Scenario) f -> {
                    TradePayRequest request = f.alipayPay(plain(f), "10.00");
                    f.clock.advance(Duration.ofSeconds(60));
                    return f.pay(request);
                }),
                Arguments.of("the payment code is a WeChat code", SubCode.PAYMENT_AUTH_CODE_INVALID, (Scenario) f -> {
                    ConsumerId id = plain(f);
                    return f.pay(f.alipayPay(id, "10.00").withAuthCode(f.code(id, Channel.WECHAT)));
                }),
                Arguments.of("balance and Yu'e Bao cannot cover it", SubCode.BUYER_BALANCE_NOT_ENOUGH, (Scenario) f ->
                        f.pay(f.alipayPay(buyer(f, ConsumerSetup.of("poor").alipayBalance(yuan("10.00"))
                                .yuebao(yuan("5.00"))), "20.00"))),
                Arguments.of("Huabei credit cannot cover the installments", SubCode.BUYER_BALANCE_NOT_ENOUGH,
                        (Scenario) f -> f.pay(f.alipayPay(buyer(f, ConsumerSetup.of("hb")
                                        .huabei(yuan("1000.00"), yuan("100.00"), HuabeiStatus.OPEN)), "100.00")
                                .withExtendParams(ExtendParams.installments(3, 0)))),
                Arguments.of("the preferred debit card cannot cover it", SubCode.BUYER_BANKCARD_BALANCE_NOT_ENOUGH,
                        (Scenario) f -> f.pay(f.alipayPay(buyer(f, ConsumerSetup.of("card")
                                .card("debit", CardKind.DEBIT, PAN, null, yuan("10.00"), CardStatus.ACTIVE)
                                .alipayBalance(yuan("5.00"))), "20.00"))),
                Arguments.of("the buyer's account is frozen", SubCode.BUYER_ENABLE_STATUS_FORBID, (Scenario) f ->
                        f.pay(f.alipayPay(buyer(f, Fixture.wellOff("frozen", PAN).status(AccountStatus.FROZEN)),
                                "10.00"))),
                Arguments.of("the trade was already paid", SubCode.TRADE_HAS_SUCCESS, (Scenario) f -> {
                    ConsumerId id = plain(f);
                    TradePayRequest request = f.alipayPay(id, "10.00");
                    f.pay(request);
                    return f.pay(request.withAuthCode(f.code(id, Channel.ALIPAY)));
                }),
                Arguments.of("the trade was cancelled", SubCode.TRADE_HAS_CLOSE, (Scenario) f -> {
                    ConsumerId id = plain(f);
                    TradePayRequest request = f.alipayPay(id, "10.00");
                    f.sandbox.alipay().cancel(TradeCancelRequest.byOutTradeNo(Fixture.APP_ID, request.outTradeNo()));
                    return f.pay(request.withAuthCode(f.code(id, Channel.ALIPAY)));
                }),
                Arguments.of("the buyer never confirmed the password", SubCode.TRADE_HAS_CLOSE, (Scenario) f -> {
                    ConsumerId id = buyer(f, Fixture.wellOff("slow", PAN)
                            .password(PasswordConfirmation.aboveButNeverConfirms(yuan("5.00"))));
                    TradePayRequest request = f.alipayPay(id, "10.00");
                    f.pay(request);
                    f.clock.advance(Duration.ofMinutes(3));
                    return f.pay(request.withAuthCode(f.code(id, Channel.ALIPAY)));
                }),
                Arguments.of("above the buyer's single-payment limit", SubCode.PAYMENT_FAIL, (Scenario) f ->
                        f.pay(f.alipayPay(buyer(f, Fixture.wellOff("capped", PAN)
                                .limits(new ConsumerLimits(yuan("100.00"), yuan("10000.00")))), "100.01"))),
                Arguments.of("the bank refuses the chosen card", SubCode.PAYMENT_FAIL, (Scenario) f ->
                        f.pay(f.alipayPay(buyer(f, ConsumerSetup.of("blocked-card")
                                .card("debit", CardKind.DEBIT, PAN, null, yuan("100.00"), CardStatus.DO_NOT_HONOUR)),
                                "10.00"))),
                Arguments.of("the merchant is blocked", SubCode.SELLER_BEEN_BLOCKED, (Scenario) f -> {
                    f.sandbox.merchants().update(MerchantKey.alipay(Fixture.APP_ID),
                            m -> m.withStatus(MerchantStatus.BLOCKED));
                    return f.pay(f.alipayPay(plain(f), "10.00"));
                }),
                Arguments.of("above the product's per-trade limit", SubCode.PRODUCT_AMOUNT_LIMIT_ERROR, (Scenario) f -> {
                    limitMerchant(f, "500.00", "100000.00", "100000.00");
                    return f.pay(f.alipayPay(plain(f), "500.01"));
                }),
                Arguments.of("the merchant's daily receipts are used up", SubCode.BEYOND_PAY_RESTRICTION, (Scenario) f -> {
                    limitMerchant(f, "100000.00", "100.00", "100000.00");
                    ConsumerId id = plain(f);
                    f.pay(f.alipayPay(id, "60.00"));
                    return f.pay(f.alipayPay(id, "40.01"));
                }),
                Arguments.of("the merchant's monthly receipts are used up", SubCode.BEYOND_PER_RECEIPT_RESTRICTION,
                        (Scenario) f -> {
                            limitMerchant(f, "100000.00", "100000.00", "100.00");
                            ConsumerId id = plain(f);
                            f.pay(f.alipayPay(id, "60.00"));
                            f.clock.advance(Duration.ofDays(1));
                            return f.pay(f.alipayPay(id, "40.01"));
                        }),
                Arguments.of("the buyer's daily limit is used up", SubCode.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR,
                        (Scenario) f -> {
                            ConsumerId id = buyer(f, Fixture.wellOff("daily", PAN)
                                    .limits(new ConsumerLimits(yuan("1000.00"), yuan("100.00"))));
                            f.pay(f.alipayPay(id, "60.00"));
                            return f.pay(f.alipayPay(id, "40.01"));
                        }),
                Arguments.of("the buyer is under risk control", SubCode.PAYMENT_REQUEST_HAS_RISK, (Scenario) f ->
                        f.pay(f.alipayPay(buyer(f, Fixture.wellOff("risky", PAN).status(AccountStatus.RISK_CONTROLLED)),
                                "10.00"))),
                Arguments.of("a Huabei-only buyer where the acquirer disabled pcredit",
                        SubCode.NO_PAYMENT_INSTRUMENTS_AVAILABLE, (Scenario) f ->
                                f.pay(f.alipayPay(buyer(f, ConsumerSetup.of("hb-only")
                                                .huabei(yuan("1000.00"), yuan("1000.00"), HuabeiStatus.OPEN)), "10.00")
                                        .withDisablePayChannels("pcredit,pcreditpayInstallment"))),
                Arguments.of("a buyer whose only instrument, Huabei, is overdue",
                        SubCode.NO_PAYMENT_INSTRUMENTS_AVAILABLE, (Scenario) f ->
                                f.pay(f.alipayPay(buyer(f, ConsumerSetup.of("overdue")
                                        .huabei(yuan("1000.00"), yuan("1000.00"), HuabeiStatus.OVERDUE)), "10.00"))),
                Arguments.of("total_amount above 100,000,000.00", SubCode.TOTAL_FEE_EXCEED, (Scenario) f ->
                        f.pay(f.alipayPay(plain(f), "100000000.01"))),
                Arguments.of("the same out_trade_no with another amount", SubCode.CONTEXT_INCONSISTENT, (Scenario) f -> {
                    ConsumerId id = plain(f);
                    TradePayRequest request = f.alipayPay(id, "10.00");
                    f.pay(request);
                    return f.pay(request.withTotalAmount(yuan("11.00")).withAuthCode(f.code(id, Channel.ALIPAY)));
                }),
                Arguments.of("the merchant has not signed 当面付", SubCode.ACCESS_FORBIDDEN, (Scenario) f -> {
                    f.sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.alipay("2021000000000002")));
                    return f.pay(TradePayRequest.barCode("2021000000000002", "X1",
                            f.code(plain(f), Channel.ALIPAY), yuan("10.00"), "goods"));
                }),
                Arguments.of("the merchant has not signed 12 installments", SubCode.ACCESS_FORBIDDEN, (Scenario) f -> {
                    f.sandbox.merchants().update(MerchantKey.alipay(Fixture.APP_ID),
                            m -> m.withInstallmentCounts(Set.of(3, 6)));
                    return f.pay(f.alipayPay(plain(f), "600.00").withExtendParams(ExtendParams.installments(12, 0)));
                }),
                Arguments.of("the buyer is not real-name certified", SubCode.ERROR_BUYER_CERTIFY_LEVEL_LIMIT,
                        (Scenario) f -> f.pay(f.alipayPay(buyer(f, Fixture.wellOff("anon", PAN).notRealNameCertified()),
                                "10.00"))));
    }

    @ParameterizedTest(name = "{1} when {0}")
    @MethodSource("scenarios")
    void eachSubCodeIsProducedByItsState(String state, SubCode expected, Scenario scenario) {
        Fixture fixture = new Fixture();
        TradePayResponse response = scenario.apply(fixture);

        assertThat(response.subCode()).isEqualTo(expected);
        assertThat(response.code()).isEqualTo(AlipayCode.BUSINESS_FAILED);
        assertThat(response.subMsg()).isEqualTo(expected.msgZh());
        assertThat(fixture.sandbox.fundsTotal()).isEqualTo(fixture.registeredFunds);
    }

    @Test
    void everySubCodeOfChannelsMdIsProducedByTheTable() {
        Set<String> produced = scenarios().map(a -> ((SubCode) a.get()[1]).wire()).collect(Collectors.toSet());

        assertThat(produced).containsAll(CHANNELS_MD_SUB_CODES);
    }

    @ParameterizedTest(name = "per-trade limit 500.00, pay {0}: refused {1}")
    @CsvSource({"499.99, false", "500.00, false", "500.01, true"})
    void theProductLimitIsInclusive(String amount, boolean refused) {
        Fixture f = new Fixture();
        limitMerchant(f, "500.00", "100000.00", "100000.00");
        ConsumerId id = f.register(ConsumerSetup.of("b").alipayBalance(yuan("600.00"))).id();

        TradePayResponse response = f.pay(f.alipayPay(id, amount));

        assertThat(response.subCode() == SubCode.PRODUCT_AMOUNT_LIMIT_ERROR).isEqualTo(refused);
    }

    @ParameterizedTest(name = "daily limit 100.00, paid 60.00, then {0}: refused {1}")
    @CsvSource({"40.00, false", "40.01, true"})
    void theBuyersDailyLimitIsInclusiveAndResetsAtBeijingMidnight(String amount, boolean refused) {
        Fixture f = new Fixture();
        ConsumerId id = f.register(Fixture.wellOff("daily", PAN)
                .limits(new ConsumerLimits(yuan("1000.00"), yuan("100.00")))).id();
        f.pay(f.alipayPay(id, "60.00"));

        TradePayResponse sameDay = f.pay(f.alipayPay(id, amount));
        assertThat(sameDay.subCode() == SubCode.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR).isEqualTo(refused);

        // 10:00 Beijing + 14 h = 00:00 the next Beijing day.
        f.clock.advance(Duration.ofHours(14));
        assertThat(f.pay(f.alipayPay(id, "40.01")).code()).isEqualTo(AlipayCode.SUCCESS);
    }
}
