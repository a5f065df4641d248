package io.shoudan.sandbox.unionpay;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A host transaction's life, as an explicit state machine. */
public enum TransactionStatus {
    /** UnionPay QR waiting for the cardholder's confirmation (field 39 = 09). */
    PENDING,
    APPROVED,
    DECLINED,
    /** A sale undone the same day by a void (消费撤销). */
    VOIDED,
    /** Undone by a reversal (冲正) from the terminal. */
    REVERSED;

    private static final Map<TransactionStatus, Set<TransactionStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(APPROVED, DECLINED, REVERSED),
            APPROVED, EnumSet.of(VOIDED, REVERSED),
            DECLINED, EnumSet.noneOf(TransactionStatus.class),
            VOIDED, EnumSet.noneOf(TransactionStatus.class),
            REVERSED, EnumSet.noneOf(TransactionStatus.class));

    public TransactionStatus become(TransactionStatus next) {
        if (!ALLOWED.get(this).contains(next)) {
            throw new IllegalStateException("illegal host transaction transition " + this + " -> " + next);
        }
        return next;
    }
}
