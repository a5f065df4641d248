package io.shoudan.sandbox.merchant;

/** A merchant's standing at the channel. */
public enum MerchantStatus {
    NORMAL,
    /** Blocked by the channel (Alipay ACQ.SELLER_BEEN_BLOCKED): no payment can be received. */
    BLOCKED
}
