package io.shoudan.store.idempotency;

/**
 * What claiming a request key found. Exactly one of any number of concurrent claims of the same
 * key is {@link FirstSeen}; every other one sees the winner's record.
 */
public sealed interface Claim {

    /** The record as stored: this caller's when {@link FirstSeen}, else the first caller's. */
    IdempotencyRecord record();

    /** The key was new: this caller owns the request and must process it. */
    record FirstSeen(IdempotencyRecord record) implements Claim {
    }

    /** A retry of the same request: answer with the stored response (or "in progress" if none yet). */
    record Repeated(IdempotencyRecord record) implements Claim {
    }

    /** The key was used before for a request with other content: {@code OPERATION.DUPLICATE_REQUEST}. */
    record Changed(IdempotencyRecord record) implements Claim {
    }
}
