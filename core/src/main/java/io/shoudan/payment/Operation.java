package io.shoudan.payment;

/** The kind of request an idempotency key was first used for. */
public enum Operation {
    SALE, VOID, REFUND
}
