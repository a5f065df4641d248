package io.shoudan.ledger;

/**
 * What a journal books: a payment or a refund record. The payment package implements it with its ids,
 * so the ledger knows nothing of payments and the packages do not depend on each other both ways.
 */
public interface TransactionRef {

    /** The id as stored, unique across payments and refunds. */
    String value();
}
