package io.shoudan.policy;

import io.shoudan.money.Money;

/** A daily and a monthly ceiling; either may be {@code null} for "no ceiling". */
public record PeriodLimits(Money daily, Money monthly) {

    public static final PeriodLimits NONE = new PeriodLimits(null, null);
}
