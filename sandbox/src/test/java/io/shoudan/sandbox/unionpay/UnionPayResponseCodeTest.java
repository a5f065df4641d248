package io.shoudan.sandbox.unionpay;

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
import io.shoudan.sandbox.consumer.Pin;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultRule;
import io.shoudan.sandbox.merchant.ChannelMerchant;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.MerchantStatus;
import io.shoudan.sandbox.merchant.SignedProduct;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each field 39 code of the brief, produced by the card, cardholder, merchant or fault that causes it. */
class UnionPayResponseCodeTest {

    private static final Set<String> REQUIRED = Set.of("00", "05", "51", "55", "57", "58", "61", "91", "96");
    private static final String DEBIT = "6222020000000000001";
    private static final String CREDIT = "6258880000000000001";
    private static final Pin PIN = Pin.of("123456");

    interface Scenario extends Function<Fixture, HostResponse> {
    }

    private static final AtomicInteger STAN = new AtomicInteger();

    static TerminalRef terminal() {
        return new TerminalRef(Fixture.UP_MID, Fixture.UP_TID, String.format("%06d", STAN.incrementAndGet()));
    }

    private static HostResponse sale(Fixture f, String pan, Pin pin, String amount) {
        return delivered(f.sandbox.unionpay().sale(new CardSaleRequest(terminal(), pan, pin, yuan(amount))));
    }

    private static HostResponse card(Fixture f, CardKind kind, CardStatus status, String available, String amount) {
        String pan = kind == CardKind.DEBIT ? DEBIT : CREDIT;
        f.register(ConsumerSetup.of("holder").card("c", kind, pan, PIN, yuan(available), status));
        return sale(f, pan, PIN, amount);
    }

    private static HostResponse qr(Fixture f, ConsumerSetup setup, String amount) {
        ConsumerId id = f.register(setup).id();
        return delivered(f.sandbox.unionpay().qrSale(new QrSaleRequest(terminal(), f.code(id, Channel.UNIONPAY),
                yuan(amount))));
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("a debit card with enough balance and the right PIN", ResponseCode.APPROVED,
                        (Scenario) f -> card(f, CardKind.DEBIT, CardStatus.ACTIVE, "100.00", "100.00")),
                Arguments.of("a UnionPay QR code with enough on its card", ResponseCode.APPROVED, (Scenario) f ->
                        qr(f, Fixture.wellOff("q", DEBIT), "10.00")),
                Arguments.of("the issuer refuses the card", ResponseCode.DO_NOT_HONOUR, (Scenario) f ->
                        card(f, CardKind.DEBIT, CardStatus.DO_NOT_HONOUR, "100.00", "1.00")),
                Arguments.of("a QR payment above the password threshold", ResponseCode.IN_PROGRESS, (Scenario) f ->
                        qr(f, Fixture.wellOff("q", DEBIT).password(PasswordConfirmation.above(yuan("5.00"),
                                Duration.ofSeconds(5))), "10.00")),
                Arguments.of("an unknown card", ResponseCode.INVALID_CARD, (Scenario) f ->
                        sale(f, "6222029999999999999", PIN, "1.00")),
                Arguments.of("an expired QR code", ResponseCode.EXPIRED, (Scenario) f -> {
                    ConsumerId id = f.register(Fixture.wellOff("q", DEBIT)).id();
                    String code = f.code(id, Channel.UNIONPAY);
                    f.clock.advance(Duration.ofSeconds(60));
                    return delivered(f.sandbox.unionpay().qrSale(new QrSaleRequest(terminal(), code, yuan("1.00"))));
                }),
                Arguments.of("a debit balance below the amount", ResponseCode.INSUFFICIENT_FUNDS, (Scenario) f ->
                        card(f, CardKind.DEBIT, CardStatus.ACTIVE, "99.99", "100.00")),
                Arguments.of("a credit card's available limit below the amount", ResponseCode.INSUFFICIENT_FUNDS,
                        (Scenario) f -> card(f, CardKind.CREDIT, CardStatus.ACTIVE, "99.99", "100.00")),
                Arguments.of("a wrong PIN", ResponseCode.INCORRECT_PIN, (Scenario) f -> {
                    f.register(ConsumerSetup.of("h").card("c", CardKind.DEBIT, DEBIT, PIN, yuan("100.00"), CardStatus.ACTIVE));
                    return sale(f, DEBIT, Pin.of("654321"), "1.00");
                }),
                Arguments.of("no PIN for a card that has one", ResponseCode.INCORRECT_PIN, (Scenario) f -> {
                    f.register(ConsumerSetup.of("h").card("c", CardKind.DEBIT, DEBIT, PIN, yuan("100.00"), CardStatus.ACTIVE));
                    return sale(f, DEBIT, null, "1.00");
                }),
                Arguments.of("a card restricted by its bank", ResponseCode.NOT_PERMITTED_TO_CARDHOLDER, (Scenario) f ->
                        card(f, CardKind.DEBIT, CardStatus.RESTRICTED, "100.00", "1.00")),
                Arguments.of("a QR code of a frozen account", ResponseCode.NOT_PERMITTED_TO_CARDHOLDER, (Scenario) f ->
                        qr(f, Fixture.wellOff("q", DEBIT).status(AccountStatus.FROZEN), "1.00")),
                Arguments.of("a credit card at a merchant that did not sign credit",
                        ResponseCode.NOT_PERMITTED_TO_TERMINAL, (Scenario) f -> {
                            f.sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.unionpay("898310048990002"),
                                    SignedProduct.UNIONPAY_DEBIT));
                            f.register(ConsumerSetup.of("h").card("c", CardKind.CREDIT, CREDIT, null, yuan("100.00"),
                                    CardStatus.ACTIVE));
                            return delivered(f.sandbox.unionpay().sale(new CardSaleRequest(
                                    new TerminalRef("898310048990002", Fixture.UP_TID, "000001"), CREDIT, null,
                                    yuan("1.00"))));
                        }),
                Arguments.of("a blocked merchant", ResponseCode.NOT_PERMITTED_TO_TERMINAL, (Scenario) f -> {
                    f.sandbox.merchants().update(MerchantKey.unionpay(Fixture.UP_MID),
                            m -> m.withStatus(MerchantStatus.BLOCKED));
                    return card(f, CardKind.DEBIT, CardStatus.ACTIVE, "100.00", "1.00");
                }),
                Arguments.of("a QR code of a risk-controlled account", ResponseCode.SUSPECTED_FRAUD, (Scenario) f ->
                        qr(f, Fixture.wellOff("q", DEBIT).status(AccountStatus.RISK_CONTROLLED), "1.00")),
                Arguments.of("above the cardholder's single-payment limit", ResponseCode.EXCEEDS_AMOUNT_LIMIT,
                        (Scenario) f -> {
                            f.register(ConsumerSetup.of("h").limits(new ConsumerLimits(yuan("50.00"), yuan("500.00")))
                                    .card("c", CardKind.DEBIT, DEBIT, PIN, yuan("100.00"), CardStatus.ACTIVE));
                            return sale(f, DEBIT, PIN, "50.01");
                        }),
                Arguments.of("the issuer is down", ResponseCode.ISSUER_INOPERATIVE, (Scenario) f ->
                        card(f, CardKind.DEBIT, CardStatus.ISSUER_UNAVAILABLE, "100.00", "1.00")),
                Arguments.of("the host fails (injected system error)", ResponseCode.SYSTEM_ERROR, (Scenario) f -> {
                    f.sandbox.faults().add(FaultRule.always(Channel.UNIONPAY, new Fault.SystemError()));
                    return card(f, CardKind.DEBIT, CardStatus.ACTIVE, "100.00", "1.00");
                }),
                Arguments.of("an unknown merchant", ResponseCode.INVALID_MERCHANT, (Scenario) f ->
                        delivered(f.sandbox.unionpay().sale(new CardSaleRequest(
                                new TerminalRef("898310048999999", Fixture.UP_TID, "000001"), DEBIT, PIN,
                                yuan("1.00"))))),
                Arguments.of("a zero amount", ResponseCode.INVALID_AMOUNT, (Scenario) f ->
                        card(f, CardKind.DEBIT, CardStatus.ACTIVE, "100.00", "0.00")));
    }

    @ParameterizedTest(name = "{1} ({0})")
    @MethodSource("scenarios")
    void eachFieldThirtyNineCodeIsProducedByItsState(String state, ResponseCode expected, Scenario scenario) {
        Fixture fixture = new Fixture();

        HostResponse response = scenario.apply(fixture);

        assertThat(response.field39()).isEqualTo(expected);
        assertThat(response.mti()).isEqualTo("0210");
        assertThat(fixture.sandbox.fundsTotal()).isEqualTo(fixture.registeredFunds);
    }

    @Test
    void everyRequiredFieldThirtyNineCodeIsProducedByTheTable() {
        Set<String> produced = scenarios().map(a -> ((ResponseCode) a.get()[1]).field39()).collect(Collectors.toSet());

        assertThat(produced).containsAll(REQUIRED);
    }
}
