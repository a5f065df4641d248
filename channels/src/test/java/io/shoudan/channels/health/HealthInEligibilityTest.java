package io.shoudan.channels.health;

import io.shoudan.channels.Fixtures;
import io.shoudan.channels.health.ChannelHealth.CallOutcome;
import io.shoudan.eligibility.EligibilityEngine;
import io.shoudan.eligibility.PaymentIntent;
import io.shoudan.eligibility.Snapshot;
import io.shoudan.eligibility.Verdict;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.policy.Policy;
import io.shoudan.reason.ReasonCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The breakers' view reaches the real eligibility engine through the snapshot's channel states. */
class HealthInEligibilityTest {

    private static final BreakerSettings SETTINGS = new BreakerSettings(50, 20, 10, 4, Duration.ofSeconds(30), 2);

    private final Fixtures fixtures = new Fixtures(SETTINGS);
    private final EligibilityEngine engine = new EligibilityEngine();

    private Verdict verdict(PaymentMethod method) {
        Snapshot snapshot = new Snapshot(OffsetDateTime.ofInstant(fixtures.clock.instant(), ZoneOffset.ofHours(8)),
                PaymentWorld.merchant(PaymentWorld.MERCHANT), PaymentWorld.terminal(PaymentWorld.MERCHANT), null,
                fixtures.health.states(), List.of(), new Policy(null, Map.of()));
        return engine.evaluateWithoutAlternatives(snapshot, new PaymentIntent(method, Money.parse("100.00"), 0, null));
    }

    private void record(Channel channel, int healthy, int failed) {
        for (int i = 0; i < healthy; i++) {
            fixtures.health.record(channel, CallOutcome.HEALTHY, Duration.ofMillis(50));
        }
        for (int i = 0; i < failed; i++) {
            fixtures.health.record(channel, CallOutcome.CHANNEL_FAILURE, Duration.ofSeconds(10));
        }
    }

    @Test
    void aHealthyChannelAddsNoReason() {
        assertThat(verdict(PaymentMethod.ALIPAY).codes())
                .doesNotContain(ReasonCode.MAINTENANCE_CHANNEL_UNAVAILABLE, ReasonCode.MAINTENANCE_CHANNEL_DEGRADED);
    }

    @Test
    void aDownChannelIsUnavailableForItsMethodsOnly() {
        record(Channel.ALIPAY, 0, 4);

        assertThat(verdict(PaymentMethod.ALIPAY).has(ReasonCode.MAINTENANCE_CHANNEL_UNAVAILABLE)).isTrue();
        assertThat(verdict(PaymentMethod.HUABEI).has(ReasonCode.MAINTENANCE_CHANNEL_UNAVAILABLE)).isTrue();
        assertThat(verdict(PaymentMethod.ALIPAY).supported()).isFalse();
        assertThat(verdict(PaymentMethod.WECHAT_PAY).has(ReasonCode.MAINTENANCE_CHANNEL_UNAVAILABLE)).isFalse();
    }

    @Test
    void aDegradedChannelIsAWarningThatDoesNotBlock() {
        record(Channel.WECHAT, 6, 4);

        Verdict verdict = verdict(PaymentMethod.WECHAT_PAY);

        assertThat(verdict.has(ReasonCode.MAINTENANCE_CHANNEL_DEGRADED)).isTrue();
        assertThat(verdict.has(ReasonCode.MAINTENANCE_CHANNEL_UNAVAILABLE)).isFalse();
    }
}
