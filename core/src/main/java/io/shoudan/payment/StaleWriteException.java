package io.shoudan.payment;

/**
 * Thrown by a {@link PaymentStore} when a payment or refund was changed by someone else since it was
 * read (its stored version is not the one before the write). Not a bug: two nodes raced; the loser
 * re-reads and answers with what the winner stored.
 */
public final class StaleWriteException extends RuntimeException {

    public StaleWriteException(String message) {
        super(message);
    }
}
