package io.shoudan.sandbox.consumer;

import io.shoudan.money.Money;
import java.util.Objects;

/**
 * What the channel lets this consumer spend: per payment and per day (Beijing date), summed over all
 * channels of the sandbox person, which is what a bank-imposed limit on a person looks like.
 */
public record ConsumerLimits(Money singlePaymentLimit, Money dailyLimit) {

    private static final Money UNLIMITED = Money.ofFen(Long.MAX_VALUE / 4);

    public ConsumerLimits {
        Objects.requireNonNull(singlePaymentLimit, "singlePaymentLimit");
        Objects.requireNonNull(dailyLimit, "dailyLimit");
        if (!singlePaymentLimit.isPositive() || !dailyLimit.isPositive()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static ConsumerLimits unlimited() {
        return new ConsumerLimits(UNLIMITED, UNLIMITED);
    }
}
