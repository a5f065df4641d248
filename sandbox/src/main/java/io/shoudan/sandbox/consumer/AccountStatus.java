package io.shoudan.sandbox.consumer;

/** A consumer's wallet account as the channel sees it. */
public enum AccountStatus {
    NORMAL,
    /** Frozen by the channel (e.g. reported stolen, court order): no payment at all. */
    FROZEN,
    /** The channel's risk control refuses this account's payments for now. */
    RISK_CONTROLLED
}
