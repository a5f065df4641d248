package io.shoudan.consumer;

/** The state of a consumer's wallet account at the channel. */
public enum AccountStatus {
    NORMAL, FROZEN, RISK_CONTROLLED
}
