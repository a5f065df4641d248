package io.shoudan.merchant;

/** The acquirer's credit rating of a merchant, {@code A} best; an unrated merchant counts as {@code D}. */
public enum CreditRating {
    A, B, C, D;

    /** True when this rating is worse than {@code minimum} (so {@code C.isWorseThan(B)}). */
    public boolean isWorseThan(CreditRating minimum) {
        return ordinal() > minimum.ordinal();
    }
}
