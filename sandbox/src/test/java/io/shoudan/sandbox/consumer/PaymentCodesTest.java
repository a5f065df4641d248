package io.shoudan.sandbox.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoudan.method.Channel;
import io.shoudan.sandbox.Fixture;
import io.shoudan.sandbox.SandboxSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaymentCodesTest {

    private final Fixture fixture = new Fixture();
    private final ConsumerId alice = fixture.register(Fixture.wellOff("alice", "6222020000000000001")).id();

    @ParameterizedTest(name = "{0} codes match {1}")
    @CsvSource({
            "ALIPAY,   '(2[5-9]|30)[0-9]{16}'",
            "WECHAT,   '1[0-5][0-9]{16}'",
            "UNIONPAY, '62[0-9]{17}'"})
    void codesAreIssuedInEachChannelsRealFormat(Channel channel, String pattern) {
        for (int i = 0; i < 200; i++) {
            assertThat(fixture.code(alice, channel)).matches(pattern);
        }
    }

    @Test
    void aCodeCanBeUsedOnlyOnce() {
        String code = fixture.code(alice, Channel.ALIPAY);
        PaymentCodes codes = fixture.sandbox.codes();

        assertThat(codes.redeem(code, Channel.ALIPAY)).isInstanceOf(Redemption.Valid.class);
        assertThat(codes.redeem(code, Channel.ALIPAY)).isInstanceOf(Redemption.AlreadyUsed.class);
    }

    @ParameterizedTest(name = "{0} ms after issue: {1}")
    @CsvSource({
            "0,     Valid",
            "59999, Valid",
            "60000, Expired",
            "60001, Expired"})
    void aCodeExpiresAtExactlyItsTimeToLive(long elapsedMs, String expected) {
        String code = fixture.code(alice, Channel.WECHAT);
        fixture.clock.advance(Duration.ofMillis(elapsedMs));

        assertThat(fixture.sandbox.codes().redeem(code, Channel.WECHAT).getClass().getSimpleName()).isEqualTo(expected);
    }

    @Test
    void aCodeExpiresAtTheExactNanosecondOfItsExpiry() {
        IssuedCode issued = fixture.sandbox.codes().issue(alice, Channel.UNIONPAY);
        fixture.clock.set(issued.expiresAt().minusNanos(1));
        assertThat(issued.expiredAt(fixture.clock.instant())).isFalse();
        fixture.clock.set(issued.expiresAt());

        assertThat(fixture.sandbox.codes().redeem(issued.code(), Channel.UNIONPAY))
                .isInstanceOf(Redemption.Expired.class);
    }

    @Test
    void theTimeToLiveIsConfigurable() {
        Fixture shortLived = new Fixture(1L, SandboxSettings.defaults().withPaymentCodeTtl(Duration.ofSeconds(10)));
        ConsumerId bob = shortLived.register(Fixture.wellOff("bob", "6222020000000000002")).id();
        String code = shortLived.code(bob, Channel.ALIPAY);
        shortLived.clock.advance(Duration.ofSeconds(10));

        assertThat(shortLived.sandbox.codes().redeem(code, Channel.ALIPAY)).isInstanceOf(Redemption.Expired.class);
    }

    @ParameterizedTest(name = "{0} is not an Alipay code")
    @CsvSource({"134567890123456789", "2512345678", "25123456789012345a", "6212345678901234567"})
    void aCodeOfAnotherFormatIsMalformedForTheChannel(String code) {
        assertThat(fixture.sandbox.codes().redeem(code, Channel.ALIPAY)).isInstanceOf(Redemption.Malformed.class);
    }

    @Test
    void aWellFormedCodeThatWasNeverIssuedIsUnknown() {
        assertThat(fixture.sandbox.codes().redeem("280000000000000000", Channel.ALIPAY))
                .isInstanceOf(Redemption.Unknown.class);
    }

    @Test
    void theSameSeedIssuesTheSameCodes() {
        Fixture again = new Fixture();
        ConsumerId aliceAgain = again.register(Fixture.wellOff("alice", "6222020000000000001")).id();

        for (Channel channel : Channel.values()) {
            assertThat(again.code(aliceAgain, channel)).isEqualTo(fixture.code(alice, channel));
        }
    }
}
