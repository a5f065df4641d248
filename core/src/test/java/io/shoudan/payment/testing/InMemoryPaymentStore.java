package io.shoudan.payment.testing;

import io.shoudan.ledger.Journal;
import io.shoudan.ledger.JournalId;
import io.shoudan.payment.EarlyReversal;
import io.shoudan.payment.IdempotencyKey;
import io.shoudan.payment.IdempotencyRecord;
import io.shoudan.payment.Operation;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentStore;
import io.shoudan.payment.Refund;
import io.shoudan.payment.RefundId;
import io.shoudan.payment.RefundInsertion;
import io.shoudan.payment.RefundStatus;
import io.shoudan.payment.VersionedWrite;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A working {@link PaymentStore} in memory: one lock makes every method a transaction, versions are
 * checked as a database's {@code UPDATE … WHERE version = n − 1} would, journal ids are unique, and a
 * failed check leaves nothing half-written. The store module's repository tests should hold it to
 * the same contract.
 *
 * <p>{@link #crashOnWrite} simulates the process dying before a write reaches the database: that
 * write throws and nothing of it is stored.
 */
public final class InMemoryPaymentStore implements PaymentStore {

    private final Map<PaymentId, Payment> payments = new LinkedHashMap<>();
    private final Map<RefundId, Refund> refunds = new LinkedHashMap<>();
    private final Map<IdempotencyKey, IdempotencyRecord> keys = new LinkedHashMap<>();
    private final Map<IdempotencyKey, EarlyReversal> earlyReversals = new HashMap<>();
    private final List<Journal> journals = new ArrayList<>();
    private final Set<JournalId> journalIds = new HashSet<>();
    private final Map<PaymentId, Claim> claims = new HashMap<>();
    private int writesBeforeCrash = -1;
    private int writes;

    /** Who holds a claim on a payment, and until when ({@link #claim}). */
    public record Claim(String owner, Instant until) {
    }

    /** The {@code upcoming}-th write from now (1 = the next) throws {@link SimulatedCrash} and stores nothing. */
    public synchronized void crashOnWrite(int upcoming) {
        if (upcoming < 1) {
            throw new IllegalArgumentException("upcoming write numbers start at 1");
        }
        writesBeforeCrash = upcoming - 1;
    }

    /** Cancels a crash asked for that has not happened yet. */
    public synchronized void disarmCrash() {
        writesBeforeCrash = -1;
    }

    public synchronized int writes() {
        return writes;
    }

    @Override
    public synchronized Optional<IdempotencyRecord> insertPayment(Payment payment) {
        IdempotencyRecord record = IdempotencyRecord.of(payment);
        IdempotencyRecord existing = keys.get(record.key());
        if (existing != null) {
            return Optional.of(existing);
        }
        if (payment.version() != 1 || payments.containsKey(payment.id())) {
            throw new IllegalStateException("payment " + payment.id() + " is inserted at version 1 exactly once");
        }
        crashIfAsked();
        payments.put(payment.id(), payment);
        keys.put(record.key(), record);
        return Optional.empty();
    }

    @Override
    public synchronized Optional<IdempotencyRecord> noteEarlyReversal(EarlyReversal note) {
        IdempotencyRecord record = IdempotencyRecord.of(note);
        IdempotencyRecord existing = keys.get(record.key());
        if (existing != null) {
            return Optional.of(existing);
        }
        crashIfAsked();
        keys.put(record.key(), record);
        earlyReversals.put(note.original(), note);
        return Optional.empty();
    }

    @Override
    public synchronized Optional<EarlyReversal> findEarlyReversal(IdempotencyKey key) {
        return Optional.ofNullable(earlyReversals.get(key));
    }

    @Override
    public synchronized Optional<IdempotencyRecord> insertInPlaceOfReversal(Payment lateSale) {
        IdempotencyRecord record = IdempotencyRecord.of(lateSale);
        IdempotencyRecord existing = keys.get(record.key());
        if (existing == null) {
            throw new IllegalStateException("no early reversal holds key " + record.key());
        }
        if (existing.operation() != Operation.REVERSAL) {
            return Optional.of(existing);
        }
        if (lateSale.version() != 1 || !lateSale.state().isFinal() || lateSale.state().countsAsUsage() || payments.containsKey(lateSale.id())) {
            throw new IllegalStateException("a late sale " + lateSale.id() + " is inserted once, at version 1, final and not counted");
        }
        crashIfAsked();
        payments.put(lateSale.id(), lateSale);
        keys.put(record.key(), record);
        return Optional.empty();
    }

    @Override
    public synchronized VersionedWrite updatePayment(Payment payment, List<Journal> newJournals) {
        if (!isNext(payments.get(payment.id()), payment.version(), "payment " + payment.id())) {
            return VersionedWrite.LOST_RACE;
        }
        checkJournals(newJournals);
        crashIfAsked();
        payments.put(payment.id(), payment);
        appendJournals(newJournals);
        return VersionedWrite.WRITTEN;
    }

    @Override
    public synchronized RefundInsertion insertRefund(Refund refund, Payment reserving) {
        IdempotencyRecord record = IdempotencyRecord.of(refund);
        IdempotencyRecord existing = keys.get(record.key());
        if (existing != null) {
            return new RefundInsertion.KeyTaken(existing);
        }
        if (refund.version() != 1 || refunds.containsKey(refund.id())) {
            throw new IllegalStateException("refund " + refund.id() + " is inserted at version 1 exactly once");
        }
        if (!isNext(payments.get(reserving.id()), reserving.version(), "payment " + reserving.id())) {
            return new RefundInsertion.LostRace();
        }
        crashIfAsked();
        refunds.put(refund.id(), refund);
        keys.put(record.key(), record);
        payments.put(reserving.id(), reserving);
        return new RefundInsertion.Inserted();
    }

    @Override
    public synchronized VersionedWrite updateRefund(Refund refund, Payment payment, List<Journal> newJournals) {
        if (!isNext(refunds.get(refund.id()), refund.version(), "refund " + refund.id())
                || payment != null && !isNext(payments.get(payment.id()), payment.version(), "payment " + payment.id())) {
            return VersionedWrite.LOST_RACE;
        }
        checkJournals(newJournals);
        crashIfAsked();
        refunds.put(refund.id(), refund);
        if (payment != null) {
            payments.put(payment.id(), payment);
        }
        appendJournals(newJournals);
        return VersionedWrite.WRITTEN;
    }

    @Override
    public synchronized Optional<Payment> findPayment(PaymentId id) {
        return Optional.ofNullable(payments.get(id));
    }

    @Override
    public synchronized Optional<Refund> findRefund(RefundId id) {
        return Optional.ofNullable(refunds.get(id));
    }

    @Override
    public synchronized Optional<IdempotencyRecord> findKey(IdempotencyKey key) {
        return Optional.ofNullable(keys.get(key));
    }

    @Override
    public synchronized List<Refund> refundsOf(PaymentId payment) {
        return refunds.values().stream().filter(refund -> refund.payment().equals(payment))
                .sorted(Comparator.comparing(Refund::createdAt)).toList();
    }

    @Override
    public synchronized boolean claim(PaymentId payment, String owner, Instant until, Instant now) {
        Payment stored = payments.get(payment);
        Claim held = claims.get(payment);
        if (stored == null || !stored.state().isUnresolved()
                || (held != null && !held.owner().equals(owner) && held.until().isAfter(now))) {
            return false;
        }
        claims.put(payment, new Claim(owner, until));
        return true;
    }

    /** The claim on {@code payment} as it stands (an ended one too, until it is released or taken over). */
    public synchronized Optional<Claim> claimOf(PaymentId payment) {
        return Optional.ofNullable(claims.get(payment));
    }

    @Override
    public synchronized void release(PaymentId payment, String owner) {
        claims.computeIfPresent(payment, (id, held) -> held.owner().equals(owner) ? null : held);
    }

    @Override
    public synchronized List<Payment> unresolvedPayments() {
        return payments.values().stream().filter(payment -> payment.state().isUnresolved()).toList();
    }

    @Override
    public synchronized List<Refund> pendingRefunds() {
        return refunds.values().stream().filter(refund -> refund.status() == RefundStatus.PENDING).toList();
    }

    @Override
    public synchronized List<Journal> journalsOf(PaymentId payment) {
        return journals.stream().filter(journal -> journal.payment().value().equals(payment.value())).toList();
    }

    @Override
    public synchronized void forEachPayment(Consumer<Payment> action) {
        List.copyOf(payments.values()).forEach(action);
    }

    @Override
    public synchronized void forEachJournal(Consumer<Journal> action) {
        List.copyOf(journals).forEach(action);
    }

    public synchronized List<Journal> journals() {
        return List.copyOf(journals);
    }

    public synchronized List<Payment> payments() {
        return List.copyOf(payments.values());
    }

    /** True when {@code version} is the one after the stored one; a missing row is a bug, not a race. */
    private static boolean isNext(Object stored, long version, String what) {
        long storedVersion = switch (stored) {
            case null -> throw new IllegalStateException(what + " does not exist");
            case Payment payment -> payment.version();
            case Refund refund -> refund.version();
            default -> throw new IllegalArgumentException("not versioned: " + stored);
        };
        return storedVersion == version - 1;
    }

    private void checkJournals(List<Journal> newJournals) {
        Set<JournalId> batch = new HashSet<>();
        for (Journal journal : newJournals) {
            if (journalIds.contains(journal.id()) || !batch.add(journal.id())) {
                throw new IllegalStateException("journal " + journal.id() + " is already booked");
            }
        }
    }

    private void appendJournals(List<Journal> newJournals) {
        for (Journal journal : newJournals) {
            journalIds.add(journal.id());
            journals.add(journal);
        }
    }

    private void crashIfAsked() {
        writes++;
        if (writesBeforeCrash == 0) {
            writesBeforeCrash = -1;
            throw new SimulatedCrash("simulated crash: the write never reached the store");
        }
        if (writesBeforeCrash > 0) {
            writesBeforeCrash--;
        }
    }

    /** The process died before the write was stored. */
    public static final class SimulatedCrash extends RuntimeException {
        public SimulatedCrash(String message) {
            super(message);
        }
    }
}
