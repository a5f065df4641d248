package io.shoudan.channels.health;

import java.time.Duration;
import java.util.Objects;

/**
 * How a channel's circuit breaker judges it, over the last {@code windowCalls} calls (count-based).
 *
 * @param openAtFailurePercent     failure rate at which the breaker opens (channel DOWN)
 * @param degradedAtFailurePercent lower rate at which a closed breaker reports the channel DEGRADED
 * @param minimumCalls             no rate is judged before this many calls
 * @param openFor                  how long an open breaker refuses payments before it lets trial calls through
 * @param trialCalls               calls let through while half-open; their failure rate closes or reopens it
 */
public record BreakerSettings(int openAtFailurePercent, int degradedAtFailurePercent, int windowCalls, int minimumCalls,
                              Duration openFor, int trialCalls) {

    public BreakerSettings {
        Objects.requireNonNull(openFor, "openFor");
        if (openAtFailurePercent < 1 || openAtFailurePercent > 100) {
            throw new IllegalArgumentException("openAtFailurePercent is 1-100, got " + openAtFailurePercent);
        }
        if (degradedAtFailurePercent < 1 || degradedAtFailurePercent >= openAtFailurePercent) {
            throw new IllegalArgumentException("degradedAtFailurePercent must be at least 1 and below openAtFailurePercent ("
                    + openAtFailurePercent + "), got " + degradedAtFailurePercent);
        }
        if (windowCalls < 1 || minimumCalls < 1 || minimumCalls > windowCalls || trialCalls < 1) {
            throw new IllegalArgumentException("need 1 <= minimumCalls <= windowCalls and trialCalls >= 1, got "
                    + minimumCalls + ", " + windowCalls + ", " + trialCalls);
        }
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("openFor must be positive, got " + openFor);
        }
    }

    /**
     * Defaults: over the last 50 calls (judged from 20), 50 % failures open the breaker for 30 s, 20 %
     * mark the channel degraded; 5 trial calls decide whether it closes. A channel's own maintenance is
     * announced (stored windows); the breaker is for what is not announced.
     */
    public static BreakerSettings defaults() {
        return new BreakerSettings(50, 20, 50, 20, Duration.ofSeconds(30), 5);
    }
}
