package io.shoudan.reason;

/** The part of a reason code before the dot: the kind of cause. */
public enum Category {
    INTEGRATION, MAINTENANCE, TERMINAL, MERCHANT, POLICY, CONSUMER, OPERATION, NETWORK, SECURITY
}
