package io.shoudan.sandbox.consumer;

import io.shoudan.money.Money;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The consumer's password step. A payment strictly above {@code thresholdAbove} is not paid at once:
 * the channel answers "waiting for the buyer" (Alipay 10003, WeChat USERPAYING) and the buyer
 * confirms {@code confirmsAfter} later, or never (the channel closes the trade after its window).
 * Deterministic, so that a test knows which query sees which state.
 */
public record PasswordConfirmation(Money thresholdAbove, Optional<Duration> confirmsAfter) {

    public PasswordConfirmation {
        Objects.requireNonNull(thresholdAbove, "thresholdAbove");
        Objects.requireNonNull(confirmsAfter, "confirmsAfter");
        if (thresholdAbove.isNegative()) {
            throw new IllegalArgumentException("threshold must not be negative: " + thresholdAbove);
        }
        confirmsAfter.ifPresent(after -> {
            if (after.isNegative()) {
                throw new IllegalArgumentException("confirmsAfter must not be negative: " + after);
            }
        });
    }

    /** A consumer who confirms 5 s after any payment above 1,000.00 CNY. */
    public static PasswordConfirmation typical() {
        return new PasswordConfirmation(Money.ofYuan(1000), Optional.of(Duration.ofSeconds(5)));
    }

    public static PasswordConfirmation above(Money threshold, Duration confirmsAfter) {
        return new PasswordConfirmation(threshold, Optional.of(confirmsAfter));
    }

    public static PasswordConfirmation aboveButNeverConfirms(Money threshold) {
        return new PasswordConfirmation(threshold, Optional.empty());
    }

    public boolean required(Money amount) {
        return amount.isGreaterThan(thresholdAbove);
    }
}
