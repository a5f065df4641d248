package io.shoudan.reason;

/** Who must act for a reason to go away. */
public enum Actor {
    /** The acquiring platform's operations staff. */
    ACQUIRER,
    MERCHANT,
    /** The person at the till. */
    CASHIER,
    CONSUMER,
    /** Alipay, WeChat Pay, UnionPay. */
    CHANNEL
}
