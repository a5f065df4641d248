package io.shoudan.payment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How one channel's unknown outcomes are settled: wait and query after each of {@code queryDelays};
 * if no query settles it, cancel/reverse up to {@code cancelAttempts} times, {@code cancelRetryDelay}
 * apart. Refunds and voids whose answer is unknown are retried {@code refundAttempts} times with the
 * same refund id.
 */
public record RecoveryPlan(List<Duration> queryDelays, int cancelAttempts, Duration cancelRetryDelay,
                           int refundAttempts, Duration refundRetryDelay) {

    public RecoveryPlan {
        queryDelays = List.copyOf(queryDelays);
        for (Duration delay : queryDelays) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a query delay cannot be negative, got " + delay);
            }
        }
        if (cancelAttempts < 1 || refundAttempts < 1) {
            throw new IllegalArgumentException("at least one cancel and one refund attempt, got " + cancelAttempts + " and " + refundAttempts);
        }
        if (cancelRetryDelay.isNegative() || refundRetryDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays cannot be negative");
        }
    }

    /**
     * Alipay: query every 3-6 s for about 60 s (3, 3, 4, 4, 5, 5, 6, 6, 6, 6, 6, 6 = 60 s), then
     * {@code alipay.trade.cancel}, retried while it answers {@code retry_flag=Y}.
     */
    public static RecoveryPlan alipay() {
        return new RecoveryPlan(seconds(3, 3, 4, 4, 5, 5, 6, 6, 6, 6, 6, 6), 5, Duration.ofSeconds(3), 3, Duration.ofSeconds(3));
    }

    /** WeChat Pay: wait 5 s (SYSTEMERROR / BANKERROR), then query every 10 s up to 45 s, then {@code reverse}, repeated while {@code recall=Y}. */
    public static RecoveryPlan wechat() {
        return new RecoveryPlan(seconds(5, 10, 10, 10, 10), 5, Duration.ofSeconds(5), 3, Duration.ofSeconds(5));
    }

    /** UnionPay cards: no query in the terminal protocol — a timed-out sale is reversed (0400) at once, up to three times. */
    public static RecoveryPlan unionPay() {
        return new RecoveryPlan(List.of(), 3, Duration.ofSeconds(5), 3, Duration.ofSeconds(5));
    }

    /**
     * A backoff schedule: {@code first}, then each delay {@code factorPercent}% of the one before, capped at
     * {@code max}, until the delays add up to {@code total}.
     */
    public static List<Duration> backoff(Duration first, int factorPercent, Duration max, Duration total) {
        if (first.isNegative() || first.isZero() || factorPercent < 100) {
            throw new IllegalArgumentException("backoff needs a positive first delay and a factor of at least 100%");
        }
        List<Duration> delays = new ArrayList<>();
        Duration sum = Duration.ZERO;
        Duration delay = first;
        while (sum.plus(delay).compareTo(total) <= 0) {
            delays.add(delay);
            sum = sum.plus(delay);
            Duration grown = delay.multipliedBy(factorPercent).dividedBy(100);
            delay = grown.compareTo(max) > 0 ? max : grown;
        }
        return delays;
    }

    public Duration totalQueryTime() {
        return queryDelays.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * The longest one node can keep a sale unresolved under this plan when every channel call runs into
     * {@code callTimeout}: the pay (or, in a recovery, the first query) and each query and cancel, with the
     * waits between them. Another node's recovery should leave a payment alone for longer than this.
     */
    public Duration longestHold(Duration callTimeout) {
        int calls = 1 + queryDelays.size() + cancelAttempts;
        return callTimeout.multipliedBy(calls).plus(totalQueryTime()).plus(cancelRetryDelay.multipliedBy(cancelAttempts - 1L));
    }

    private static List<Duration> seconds(long... seconds) {
        List<Duration> delays = new ArrayList<>();
        for (long s : seconds) {
            delays.add(Duration.ofSeconds(s));
        }
        return delays;
    }
}
