package io.shoudan.store.payment;

import io.shoudan.ledger.Journal;
import io.shoudan.payment.EarlyReversal;
import io.shoudan.payment.IdempotencyKey;
import io.shoudan.payment.IdempotencyRecord;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentStore;
import io.shoudan.payment.Refund;
import io.shoudan.payment.RefundId;
import io.shoudan.payment.RefundInsertion;
import io.shoudan.payment.VersionedWrite;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link PaymentStore} in front of the real one that can make the process "die" just before a
 * chosen write reaches the database: that write throws {@link Crash} and the database never sees
 * it, as when the node stops between the channel's answer and the commit.
 */
final class CrashingStore implements PaymentStore {

    private final PaymentStore store;
    private int writesBeforeCrash = -1;

    CrashingStore(PaymentStore store) {
        this.store = store;
    }

    /** The {@code upcoming}-th write from now (1 = the next) throws and is not stored. */
    void crashOnWrite(int upcoming) {
        writesBeforeCrash = upcoming - 1;
    }

    void disarm() {
        writesBeforeCrash = -1;
    }

    private void maybeCrash() {
        if (writesBeforeCrash == 0) {
            writesBeforeCrash = -1;
            throw new Crash();
        }
        if (writesBeforeCrash > 0) {
            writesBeforeCrash--;
        }
    }

    @Override
    public Optional<IdempotencyRecord> insertPayment(Payment payment) {
        maybeCrash();
        return store.insertPayment(payment);
    }

    @Override
    public Optional<IdempotencyRecord> noteEarlyReversal(EarlyReversal note) {
        maybeCrash();
        return store.noteEarlyReversal(note);
    }

    @Override
    public Optional<EarlyReversal> findEarlyReversal(IdempotencyKey key) {
        return store.findEarlyReversal(key);
    }

    @Override
    public Optional<IdempotencyRecord> insertInPlaceOfReversal(Payment lateSale) {
        maybeCrash();
        return store.insertInPlaceOfReversal(lateSale);
    }

    @Override
    public boolean claim(PaymentId payment, String owner, Instant until, Instant now) {
        // not a write of the payment: the crash points stay those of the payment's own writes
        return store.claim(payment, owner, until, now);
    }

    @Override
    public void release(PaymentId payment, String owner) {
        store.release(payment, owner);
    }

    @Override
    public VersionedWrite updatePayment(Payment payment, List<Journal> journals) {
        maybeCrash();
        return store.updatePayment(payment, journals);
    }

    @Override
    public RefundInsertion insertRefund(Refund refund, Payment reserving) {
        maybeCrash();
        return store.insertRefund(refund, reserving);
    }

    @Override
    public VersionedWrite updateRefund(Refund refund, Payment payment, List<Journal> journals) {
        maybeCrash();
        return store.updateRefund(refund, payment, journals);
    }

    @Override
    public Optional<Payment> findPayment(PaymentId id) {
        return store.findPayment(id);
    }

    @Override
    public Optional<Refund> findRefund(RefundId id) {
        return store.findRefund(id);
    }

    @Override
    public Optional<IdempotencyRecord> findKey(IdempotencyKey key) {
        return store.findKey(key);
    }

    @Override
    public List<Refund> refundsOf(PaymentId payment) {
        return store.refundsOf(payment);
    }

    @Override
    public List<Payment> unresolvedPayments() {
        return store.unresolvedPayments();
    }

    @Override
    public List<Refund> pendingRefunds() {
        return store.pendingRefunds();
    }

    @Override
    public List<Journal> journalsOf(PaymentId payment) {
        return store.journalsOf(payment);
    }

    @Override
    public void forEachPayment(Consumer<Payment> action) {
        store.forEachPayment(action);
    }

    @Override
    public void forEachJournal(Consumer<Journal> action) {
        store.forEachJournal(action);
    }

    @Override
    public List<String> unattachedLedgerRows() {
        return store.unattachedLedgerRows();
    }

    /** The node died before the write was stored. */
    static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash: the write never reached the database");
        }
    }
}
