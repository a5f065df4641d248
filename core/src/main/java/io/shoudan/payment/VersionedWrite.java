package io.shoudan.payment;

/**
 * What a versioned write to the {@link PaymentStore} did: a write of version {@code n} lands only over stored version
 * {@code n − 1}. Losing is not a bug: two nodes (or threads) raced, and the loser re-reads and answers with what the
 * winner stored.
 */
public enum VersionedWrite {
    /** Written, with everything that came with it. */
    WRITTEN,
    /** Nothing written: someone else changed the payment or refund since it was read. */
    LOST_RACE
}
