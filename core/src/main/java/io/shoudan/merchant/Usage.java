package io.shoudan.merchant;

import io.shoudan.money.Money;

/** What a merchant has already taken with one method: today and in the current calendar month. */
public record Usage(Money today, Money month) {

    public static final Usage NONE = new Usage(Money.ZERO, Money.ZERO);

    public Usage {
        if (today == null || month == null) {
            throw new IllegalArgumentException("usage needs both today and month");
        }
    }
}
