package io.shoudan.sandbox.wechat;

import static io.shoudan.sandbox.Fixture.delivered;
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
import io.shoudan.sandbox.consumer.PasswordConfirmation;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each err_code of CHANNELS.md, produced by the state that causes it. */
class WechatErrCodeTest {

    private static final Set<String> CHANNELS_MD_ERR_CODES = Set.of("USERPAYING", "SYSTEMERROR", "BANKERROR",
            "AUTHCODEEXPIRE", "NOTENOUGH", "NOTSUPORTCARD", "ORDERPAID", "ORDERCLOSED", "ORDERREVERSED",
            "AUTH_CODE_ERROR", "AUTH_CODE_INVALID", "TRADE_ERROR", "BUYER_MISMATCH", "REVERSE_EXPIRE");

    private static final String PAN = "6222020000000000001";
    private static final String CREDIT_PAN = "6258880000000000001";

    /** Returns the err_code of the call the scenario is about. */
    interface Scenario extends Function<Fixture, ErrCode> {
    }

    private static ConsumerId buyer(Fixture f, ConsumerSetup setup) {
        return f.register(setup).id();
    }

    private static ConsumerId plain(Fixture f) {
        return buyer(f, Fixture.wellOff("buyer", PAN));
    }

    private static ErrCode pay(Fixture f, MicropayRequest request) {
        return f.pay(request).errCode();
    }

    private static ErrCode reverse(Fixture f, String outTradeNo) {
        return delivered(f.sandbox.wechat().reverse(ReverseRequest.byOutTradeNo(null, Fixture.MCH_ID, outTradeNo)))
                .errCode();
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("the payment is above the buyer's password threshold", ErrCode.USERPAYING,
                        (Scenario) f -> pay(f, f.micropay(buyer(f, Fixture.wellOff("pw", PAN)
                                .password(PasswordConfirmation.above(yuan("100.00"), Duration.ofSeconds(5)))), "100.01"))),
                Arguments.of("an injected user-paying fault", ErrCode.USERPAYING, (Scenario) f -> {
                    f.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.UserPaying(java.util.Optional.empty())));
                    return pay(f, f.micropay(plain(f), "1.00"));
                }),
                Arguments.of("the channel fails (injected system error)", ErrCode.SYSTEMERROR, (Scenario) f -> {
                    f.sandbox.faults().add(FaultRule.always(Channel.WECHAT, new Fault.SystemError()));
                    return pay(f, f.micropay(plain(f), "1.00"));
                }),
                Arguments.of("the chosen card's bank is down", ErrCode.BANKERROR, (Scenario) f ->
                        pay(f, f.micropay(buyer(f, ConsumerSetup.of("bank")
                                .card("debit", CardKind.DEBIT, PAN, null, yuan("100.00"), CardStatus.ISSUER_UNAVAILABLE)),
                                "1.00"))),
                Arguments.of("the payment code expired", ErrCode.AUTHCODEEXPIRE, (Scenario) f -> {
                    MicropayRequest request = f.micropay(plain(f), "1.00");
                    f.clock.advance(Duration.ofSeconds(60));
                    return pay(f, request);
                }),
                Arguments.of("change and cards cannot cover it", ErrCode.NOTENOUGH, (Scenario) f ->
                        pay(f, f.micropay(buyer(f, ConsumerSetup.of("poor").wechatBalance(yuan("5.00"))
                                .card("debit", CardKind.DEBIT, PAN, null, yuan("5.00"), CardStatus.ACTIVE)), "6.00"))),
                Arguments.of("limit_pay=no_credit and the code shows a credit card", ErrCode.NOTSUPORTCARD,
                        (Scenario) f -> pay(f, f.micropay(buyer(f, ConsumerSetup.of("credit")
                                .card("credit", CardKind.CREDIT, CREDIT_PAN, null, yuan("100.00"), CardStatus.ACTIVE)
                                .wechatBalance(yuan("100.00"))), "1.00").withLimitPay("no_credit"))),
                Arguments.of("the order was already paid", ErrCode.ORDERPAID, (Scenario) f -> {
                    ConsumerId id = plain(f);
                    MicropayRequest request = f.micropay(id, "1.00");
                    f.pay(request);
                    return pay(f, request.withAuthCode(f.code(id, Channel.WECHAT)));
                }),
                Arguments.of("the buyer never confirmed and the order closed", ErrCode.ORDERCLOSED, (Scenario) f -> {
                    ConsumerId id = buyer(f, Fixture.wellOff("slow", PAN)
                            .password(PasswordConfirmation.aboveButNeverConfirms(yuan("0.50"))));
                    MicropayRequest request = f.micropay(id, "1.00");
                    f.pay(request);
                    f.clock.advance(Duration.ofMinutes(3));
                    return pay(f, request.withAuthCode(f.code(id, Channel.WECHAT)));
                }),
                Arguments.of("the order was reversed", ErrCode.ORDERREVERSED, (Scenario) f -> {
                    ConsumerId id = plain(f);
                    MicropayRequest request = f.micropay(id, "1.00");
                    f.pay(request);
                    reverse(f, request.outTradeNo());
                    return pay(f, request.withAuthCode(f.code(id, Channel.WECHAT)));
                }),
                Arguments.of("the auth_code is an Alipay code", ErrCode.AUTH_CODE_ERROR, (Scenario) f -> {
                    ConsumerId id = plain(f);
                    return pay(f, f.micropay(id, "1.00").withAuthCode(f.code(id, Channel.ALIPAY)));
                }),
                Arguments.of("the payment code was already used", ErrCode.AUTH_CODE_INVALID, (Scenario) f -> {
                    MicropayRequest first = f.micropay(plain(f), "1.00");
                    f.pay(first);
                    return pay(f, MicropayRequest.of(null, Fixture.MCH_ID, "other", first.authCode(), yuan("1.00"), "g"));
                }),
                Arguments.of("the buyer's account is frozen", ErrCode.TRADE_ERROR, (Scenario) f ->
                        pay(f, f.micropay(buyer(f, Fixture.wellOff("frozen", PAN).status(AccountStatus.FROZEN)), "1.00"))),
                Arguments.of("the buyer is under risk control", ErrCode.TRADE_ERROR, (Scenario) f ->
                        pay(f, f.micropay(buyer(f, Fixture.wellOff("risky", PAN).status(AccountStatus.RISK_CONTROLLED)),
                                "1.00"))),
                Arguments.of("above the buyer's single-payment limit", ErrCode.TRADE_ERROR, (Scenario) f ->
                        pay(f, f.micropay(buyer(f, Fixture.wellOff("capped", PAN)
                                .limits(new ConsumerLimits(yuan("10.00"), yuan("100.00")))), "10.01"))),
                Arguments.of("another person pays an order that already has a buyer", ErrCode.BUYER_MISMATCH,
                        (Scenario) f -> {
                            ConsumerId first = buyer(f, Fixture.wellOff("first", PAN)
                                    .password(PasswordConfirmation.aboveButNeverConfirms(yuan("0.50"))));
                            ConsumerId second = buyer(f, Fixture.wellOff("second", "6222020000000000009"));
                            MicropayRequest request = f.micropay(first, "1.00");
                            f.pay(request);
                            return pay(f, request.withAuthCode(f.code(second, Channel.WECHAT)));
                        }),
                Arguments.of("reverse after 7 days", ErrCode.REVERSE_EXPIRE, (Scenario) f -> {
                    MicropayRequest request = f.micropay(plain(f), "1.00");
                    f.pay(request);
                    f.clock.advance(Duration.ofDays(7));
                    return reverse(f, request.outTradeNo());
                }));
    }

    @ParameterizedTest(name = "{1} when {0}")
    @MethodSource("scenarios")
    void eachErrCodeIsProducedByItsState(String state, ErrCode expected, Scenario scenario) {
        Fixture fixture = new Fixture();

        ErrCode produced = scenario.apply(fixture);

        assertThat(produced).isEqualTo(expected);
        assertThat(fixture.sandbox.fundsTotal()).isEqualTo(fixture.registeredFunds);
    }

    @Test
    void everyErrCodeOfChannelsMdIsProducedByTheTable() {
        Set<String> produced = scenarios().map(a -> ((ErrCode) a.get()[1]).wire()).collect(Collectors.toSet());

        assertThat(produced).containsAll(CHANNELS_MD_ERR_CODES);
    }

    @Test
    void aRefusalIsAnsweredWithResultFailAndTheChineseDescription() {
        Fixture f = new Fixture();
        MicropayResponse response = f.pay(f.micropay(buyer(f, ConsumerSetup.of("p").wechatBalance(yuan("1.00"))), "2.00"));

        assertThat(response.returnCode()).isEqualTo("SUCCESS");
        assertThat(response.resultCode()).isEqualTo("FAIL");
        assertThat(response.errCode()).isEqualTo(ErrCode.NOTENOUGH);
        assertThat(response.errCodeDes()).isEqualTo("余额不足");
    }

    @Test
    void anUnknownMerchantFailsTheCallItself() {
        Fixture f = new Fixture();
        MicropayRequest request = MicropayRequest.of(null, "1999999999", "T1", f.code(plain(f), Channel.WECHAT),
                yuan("1.00"), "g");

        assertThat(f.pay(request).returnCode()).isEqualTo("FAIL");
    }
}
