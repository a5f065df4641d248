package io.shoudan.merchant;

/** The state of a merchant's contract for one product; absent means {@link #NOT_SIGNED}. */
public enum ProductStatus {
    NOT_SIGNED, PENDING, ACTIVE, REJECTED, SUSPENDED
}
