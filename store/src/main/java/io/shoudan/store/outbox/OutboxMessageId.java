package io.shoudan.store.outbox;

/** The outbox's sequence number of a message: a message appended later has a larger id. */
public record OutboxMessageId(long value) implements Comparable<OutboxMessageId> {

    public OutboxMessageId {
        if (value <= 0) {
            throw new IllegalArgumentException("an outbox message id is positive, got " + value);
        }
    }

    @Override
    public int compareTo(OutboxMessageId other) {
        return Long.compare(value, other.value);
    }
}
