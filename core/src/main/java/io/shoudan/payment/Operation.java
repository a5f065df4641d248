package io.shoudan.payment;

/**
 * The kind of request an idempotency key was first used for. {@link #REVERSAL}: a terminal's reversal (0400) that
 * found no sale under the key holds it ({@link EarlyReversal}), so that the sale, arriving late, is never charged.
 */
public enum Operation {
    SALE, VOID, REFUND, REVERSAL
}
