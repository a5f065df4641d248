package io.shoudan.payment;

import io.shoudan.ledger.Journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: the payment service's durable state. Each write method is one transaction — all of it or none
 * of it. Versions: a write of version {@code n} succeeds only over stored version {@code n − 1}
 * (otherwise it writes nothing and answers {@link VersionedWrite#LOST_RACE}); inserts are version 1. Journals are append-only and their
 * ids unique (a second journal with the same id fails the whole transaction). Implemented in memory
 * for tests and by the {@code store} module with jOOQ; every table carries {@code merchant_id}.
 */
public interface PaymentStore {

    /**
     * Inserts a new payment (version 1) and its SALE idempotency key, atomically.
     *
     * @return empty when inserted; otherwise the record already holding the key, and nothing was written
     */
    Optional<IdempotencyRecord> insertPayment(Payment payment);

    /**
     * Notes a reversal that found no sale: claims the sale's key ({@link Operation#REVERSAL}) and stores the note,
     * atomically.
     *
     * @return empty when noted; otherwise the record already holding the key (the sale, or the same reversal retried), and nothing was written
     */
    Optional<IdempotencyRecord> noteEarlyReversal(EarlyReversal note);

    /** The early reversal noted under {@code key}, if any (also once its sale has arrived and taken the key over). */
    Optional<EarlyReversal> findEarlyReversal(IdempotencyKey key);

    /**
     * Inserts a sale that arrived after its reversal ({@link #noteEarlyReversal}), already in its final state (version 1,
     * not counting as usage), and turns the REVERSAL key into its SALE key, atomically.
     *
     * @return empty when inserted; otherwise the record holding the key when it no longer is a REVERSAL one (another
     *         copy of the late sale got there first), and nothing was written
     */
    Optional<IdempotencyRecord> insertInPlaceOfReversal(Payment lateSale);

    /** Writes a changed payment and appends {@code journals}, atomically; nothing when the race is lost. */
    VersionedWrite updatePayment(Payment payment, List<Journal> journals);

    /**
     * Inserts a new refund record (version 1) and its VOID/REFUND idempotency key, and writes the
     * payment with the amount reserved, atomically.
     *
     * @return inserted; or the record already holding the key, or the payment lost its race, and nothing was written
     */
    RefundInsertion insertRefund(Refund refund, Payment reserving);

    /**
     * Writes a changed refund and its changed payment (may be {@code null} when unchanged) and appends {@code journals},
     * atomically; nothing when either lost its race.
     */
    VersionedWrite updateRefund(Refund refund, Payment payment, List<Journal> journals);

    /**
     * Claims an unresolved payment (PROCESSING or UNKNOWN) for {@code owner} until {@code until}, so that no other
     * node acts on it at the channel meanwhile (one node's query finding it paid while another's cancel returns the
     * money). Granted when nobody holds it, {@code owner} already does (the claim is extended), or the holder's claim
     * ended at or before {@code now}; refused when another owner holds it, or the payment is not unresolved. A claim
     * is not part of the payment: it changes no version and is not read back with it.
     *
     * @return true when {@code owner} now holds the payment
     */
    boolean claim(PaymentId payment, String owner, Instant until, Instant now);

    /** Ends {@code owner}'s claim on the payment; nothing when it holds none. */
    void release(PaymentId payment, String owner);

    Optional<Payment> findPayment(PaymentId id);

    Optional<Refund> findRefund(RefundId id);

    Optional<IdempotencyRecord> findKey(IdempotencyKey key);

    /** Refunds and voids of one payment, oldest first. */
    List<Refund> refundsOf(PaymentId payment);

    /** Every payment in PROCESSING or UNKNOWN: what a start-up recovery takes on. */
    List<Payment> unresolvedPayments();

    /** Every refund still PENDING. */
    List<Refund> pendingRefunds();

    /** Journals of one payment, in posting order. */
    List<Journal> journalsOf(PaymentId payment);

    /** Streams every payment, for the ledger check's totals; order is not specified. */
    void forEachPayment(Consumer<Payment> action);

    /** Streams every journal, for the ledger check; order is not specified. */
    void forEachJournal(Consumer<Journal> action);

    /**
     * Ledger rows {@link #forEachJournal} cannot show because they are outside any journal — postings
     * whose journal is missing, journals without postings — described for the ledger check, a few at
     * most. A store that keeps journals whole (in memory) has none.
     */
    default List<String> unattachedLedgerRows() {
        return List.of();
    }
}
