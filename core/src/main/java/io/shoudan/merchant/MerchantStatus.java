package io.shoudan.merchant;

/** Where a merchant stands with the acquirer. */
public enum MerchantStatus {
    PENDING_REVIEW, REJECTED, ACTIVE, SUSPENDED, CLOSED
}
