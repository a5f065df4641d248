package io.shoudan.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The time rules of the simulated channels.
 *
 * @param paymentCodeTtl        how long a consumer's payment code stays valid (the apps refresh it
 *                              every minute; a code is expired AT {@code issuedAt + ttl})
 * @param buyerConfirmWindow    how long a trade waits for the buyer's password before the channel
 *                              closes it
 * @param alipayCancelLimit     {@code alipay.trade.cancel} only within this time of the trade (24 h)
 * @param wechatReverseLimit    WeChat {@code reverse} only within this time of the order (7 days)
 * @param refundablePeriod      after it an Alipay trade is {@code TRADE_FINISHED}: no more refunds
 */
public record SandboxSettings(
        Duration paymentCodeTtl,
        Duration buyerConfirmWindow,
        Duration alipayCancelLimit,
        Duration wechatReverseLimit,
        Duration refundablePeriod) {

    public SandboxSettings {
        requirePositive(paymentCodeTtl, "paymentCodeTtl");
        requirePositive(buyerConfirmWindow, "buyerConfirmWindow");
        requirePositive(alipayCancelLimit, "alipayCancelLimit");
        requirePositive(wechatReverseLimit, "wechatReverseLimit");
        requirePositive(refundablePeriod, "refundablePeriod");
    }

    public static SandboxSettings defaults() {
        return new SandboxSettings(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofHours(24),
                Duration.ofDays(7), Duration.ofDays(365));
    }

    public SandboxSettings withPaymentCodeTtl(Duration ttl) {
        return new SandboxSettings(ttl, buyerConfirmWindow, alipayCancelLimit,
                wechatReverseLimit, refundablePeriod);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
