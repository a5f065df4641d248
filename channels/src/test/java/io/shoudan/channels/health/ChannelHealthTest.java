package io.shoudan.channels.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.shoudan.channel.ChannelState;
import io.shoudan.channel.ChannelStatus;
import io.shoudan.channels.Fixtures;
import io.shoudan.channels.alipay.AlipayCancelResponse;
import io.shoudan.channels.alipay.AlipayGateway;
import io.shoudan.channels.alipay.AlipayMerchantAccount;
import io.shoudan.channels.alipay.AlipayPayRequest;
import io.shoudan.channels.alipay.AlipayPayResponse;
import io.shoudan.channels.alipay.AlipayQueryResponse;
import io.shoudan.channels.alipay.AlipayRefundRequest;
import io.shoudan.channels.alipay.AlipayRefundResponse;
import io.shoudan.channels.alipay.AlipayTradeRequest;
import io.shoudan.channels.alipay.AlipayTransport;
import io.shoudan.channels.Scripted;
import io.shoudan.channels.TransportReply;
import io.shoudan.channels.health.ChannelHealth.CallOutcome;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.payment.CancelAnswer;
import io.shoudan.payment.ChannelAnswer;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.RawCode;
import io.shoudan.reason.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Breaker over the last 10 calls (judged from 4): 50 % opens it for 30 s, 20 % marks the channel degraded, 2 trial calls. */
class ChannelHealthTest {

    private static final BreakerSettings SETTINGS = new BreakerSettings(50, 20, 10, 4, Duration.ofSeconds(30), 2);
    private static final Instrument CODE = new Instrument.ScannedCode("284012345678901234");

    private final Fixtures fixtures = new Fixtures(SETTINGS);
    private final ChannelHealth health = fixtures.health;

    private void record(Channel channel, int healthy, int failed) {
        for (int i = 0; i < healthy; i++) {
            health.record(channel, CallOutcome.HEALTHY, Duration.ofMillis(80));
        }
        for (int i = 0; i < failed; i++) {
            health.record(channel, CallOutcome.CHANNEL_FAILURE, Duration.ofSeconds(10));
        }
    }

    @Test
    void aFreshChannelIsUp() {
        assertThat(health.status(Channel.ALIPAY)).isEqualTo(ChannelStatus.UP);
    }

    @ParameterizedTest(name = "{0} healthy + {1} failed → {2}")
    @CsvSource({
            "3, 0, UP",          // below minimumCalls: not judged
            "0, 3, UP",          // three failures, still not judged
            "9, 1, UP",          // 10 %
            "5, 1, UP",          // 16.7 %
            "4, 1, DEGRADED",    // exactly 20 %
            "6, 4, DEGRADED",    // 40 %
            "5, 5, DOWN",        // exactly 50 % opens
            "0, 4, DOWN",
    })
    void theFailureRateDecidesTheStatus(int healthy, int failed, ChannelStatus expected) {
        record(Channel.WECHAT, healthy, failed);
        assertThat(health.status(Channel.WECHAT)).isEqualTo(expected);
    }

    @Test
    void channelsAreJudgedApart() {
        record(Channel.ALIPAY, 0, 10);
        assertThat(health.status(Channel.ALIPAY)).isEqualTo(ChannelStatus.DOWN);
        assertThat(health.status(Channel.WECHAT)).isEqualTo(ChannelStatus.UP);
        assertThat(health.status(Channel.UNIONPAY)).isEqualTo(ChannelStatus.UP);
    }

    @Test
    void anOpenBreakerGoesHalfOpenAfterItsWaitThenClosesOnHealthyTrials() {
        record(Channel.ALIPAY, 0, 4);
        assertThat(health.breaker(Channel.ALIPAY).getState()).isEqualTo(CircuitBreaker.State.OPEN);

        fixtures.clock.advance(Duration.ofSeconds(29));
        assertThat(health.admitsPayment(Channel.ALIPAY)).isFalse();

        fixtures.clock.advance(Duration.ofSeconds(1));
        assertThat(health.admitsPayment(Channel.ALIPAY)).as("the wait ends strictly after 30 s").isFalse();

        fixtures.clock.advance(Duration.ofMillis(1));
        assertThat(health.admitsPayment(Channel.ALIPAY)).isTrue();
        assertThat(health.breaker(Channel.ALIPAY).getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(health.status(Channel.ALIPAY)).isEqualTo(ChannelStatus.DEGRADED);

        record(Channel.ALIPAY, 2, 0);
        assertThat(health.breaker(Channel.ALIPAY).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(health.status(Channel.ALIPAY)).isEqualTo(ChannelStatus.UP);
    }

    @Test
    void aDownChannelThatNobodyTriesTurnsDegradedWhenItsWaitIsOverSoTrialPaymentsCanFlow() {
        record(Channel.WECHAT, 0, 4);
        assertThat(health.status(Channel.WECHAT)).isEqualTo(ChannelStatus.DOWN);

        fixtures.clock.advance(Duration.ofSeconds(30));
        assertThat(health.status(Channel.WECHAT)).isEqualTo(ChannelStatus.DOWN);

        fixtures.clock.advance(Duration.ofMillis(1));
        assertThat(health.status(Channel.WECHAT)).isEqualTo(ChannelStatus.DEGRADED);
        assertThat(health.admitsPayment(Channel.WECHAT)).isTrue();
    }

    @Test
    void failingTrialsReopenTheBreaker() {
        record(Channel.ALIPAY, 0, 4);
        fixtures.clock.advance(Duration.ofSeconds(31));
        assertThat(health.admitsPayment(Channel.ALIPAY)).isTrue();

        record(Channel.ALIPAY, 1, 1);

        assertThat(health.breaker(Channel.ALIPAY).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(health.status(Channel.ALIPAY)).isEqualTo(ChannelStatus.DOWN);
    }

    @Test
    void theStateCombinesHealthWithTheStoredConnection() {
        OffsetDateTime expiry = OffsetDateTime.parse("2027-01-01T00:00:00+08:00");
        ChannelHealth withConnections = new ChannelHealth(SETTINGS,
                channel -> channel == Channel.UNIONPAY ? Optional.empty() : Optional.of(new ChannelConnection(channel == Channel.ALIPAY, expiry)),
                fixtures.clock);
        withConnections.record(Channel.ALIPAY, CallOutcome.CHANNEL_FAILURE, Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            withConnections.record(Channel.ALIPAY, CallOutcome.CHANNEL_FAILURE, Duration.ofSeconds(1));
        }

        assertThat(withConnections.state(Channel.ALIPAY)).isEqualTo(new ChannelState(ChannelStatus.DOWN, true, expiry));
        assertThat(withConnections.state(Channel.WECHAT)).isEqualTo(new ChannelState(ChannelStatus.UP, false, expiry));
        assertThat(withConnections.state(Channel.UNIONPAY)).isEqualTo(new ChannelState(ChannelStatus.UP, false, null));
        assertThat(withConnections.states()).containsOnlyKeys(Channel.ALIPAY, Channel.WECHAT);
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new BreakerSettings(50, 50, 10, 4, Duration.ofSeconds(30), 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BreakerSettings(50, 20, 10, 11, Duration.ofSeconds(30), 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BreakerSettings(50, 20, 10, 4, Duration.ZERO, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- through the adapter ---------------------------------------------------------------

    /** A transport whose every call the test scripts. */
    private static final class ScriptedAlipay implements AlipayTransport {
        final Scripted<AlipayPayRequest, AlipayPayResponse> pay = new Scripted<>("pay");
        final Scripted<AlipayTradeRequest, AlipayQueryResponse> query = new Scripted<>("query");
        final Scripted<AlipayTradeRequest, AlipayCancelResponse> cancel = new Scripted<>("cancel");

        @Override
        public TransportReply<AlipayPayResponse> pay(AlipayPayRequest request) {
            return pay.call(request);
        }

        @Override
        public TransportReply<AlipayQueryResponse> query(AlipayTradeRequest request) {
            return query.call(request);
        }

        @Override
        public TransportReply<AlipayCancelResponse> cancel(AlipayTradeRequest request) {
            return cancel.call(request);
        }

        @Override
        public TransportReply<AlipayRefundResponse> refund(AlipayRefundRequest request) {
            throw new AssertionError("no refund in this test");
        }
    }

    private final ScriptedAlipay alipay = new ScriptedAlipay();
    private final AlipayGateway gateway = new AlipayGateway(alipay, merchant -> Optional.of(new AlipayMerchantAccount("2021000000000001")),
            fixtures.calls(Channel.ALIPAY));

    private static AlipayPayResponse refused(String subCode) {
        return new AlipayPayResponse("40004", "Business Failed", subCode, null, null, null, null, null);
    }

    @Test
    void businessRefusalsNeverOpenTheBreaker() {
        for (int i = 0; i < 10; i++) {
            alipay.pay.then(refused("ACQ.BUYER_BALANCE_NOT_ENOUGH"));
            gateway.pay(Fixtures.pay(PaymentMethod.ALIPAY, "10.00", CODE));
        }
        assertThat(health.status(Channel.ALIPAY)).isEqualTo(ChannelStatus.UP);
    }

    @Test
    void consumersConfirmingDoNotCountAgainstTheChannel() {
        for (int i = 0; i < 10; i++) {
            alipay.pay.then(new AlipayPayResponse("10003", "Order success pay inprocess", null, null, null, null, null, null));
            gateway.pay(Fixtures.pay(PaymentMethod.ALIPAY, "10.00", CODE));
        }
        assertThat(health.status(Channel.ALIPAY)).isEqualTo(ChannelStatus.UP);
    }

    @Test
    void timeoutsAndSystemErrorsOpenItAndThenPaymentsAreRefusedWithoutCallingTheChannel() {
        alipay.pay.thenNoAnswer().thenNoAnswer().then(refused("ACQ.SYSTEM_ERROR"))
                .then(new AlipayPayResponse("20000", "Service Currently Unavailable", "isp.unknow-error", null, null, null, null, null));
        for (int i = 0; i < 4; i++) {
            assertThat(gateway.pay(Fixtures.pay(PaymentMethod.ALIPAY, "10.00", CODE))).isInstanceOf(ChannelAnswer.Pending.class);
        }
        assertThat(health.status(Channel.ALIPAY)).isEqualTo(ChannelStatus.DOWN);

        ChannelAnswer answer = gateway.pay(Fixtures.pay(PaymentMethod.ALIPAY, "10.00", CODE));

        assertThat(answer).isEqualTo(new ChannelAnswer.Refused(new RawCode("CIRCUIT_OPEN"), ReasonCode.MAINTENANCE_CHANNEL_UNAVAILABLE));
        assertThat(alipay.pay.calls()).isEqualTo(4);
    }

    @Test
    void whileOpenQueriesAndCancelsStillReachTheChannelSoStuckPaymentsResolve() {
        record(Channel.ALIPAY, 0, 4);
        alipay.query.then(new AlipayQueryResponse("10000", "Success", null, null, "2026112322001400000000000001", "TRADE_SUCCESS", null, null));
        alipay.cancel.then(new AlipayCancelResponse("10000", "Success", null, null, "N", "close"));
        var trade = Fixtures.trade(PaymentMethod.ALIPAY, "10.00", null);

        assertThat(gateway.query(trade)).isInstanceOf(ChannelAnswer.Paid.class);
        assertThat(gateway.cancel(trade)).isInstanceOf(CancelAnswer.Cancelled.class);
        assertThat(alipay.query.calls()).isEqualTo(1);
        assertThat(alipay.cancel.calls()).isEqualTo(1);
    }
}
