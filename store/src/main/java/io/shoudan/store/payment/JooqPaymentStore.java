package io.shoudan.store.payment;

import io.shoudan.fee.FeeQuote;
import io.shoudan.fee.FeeSplit;
import io.shoudan.fee.InstallmentFeeBearer;
import io.shoudan.fee.Installments;
import io.shoudan.fee.RateCardId;
import io.shoudan.ledger.Journal;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.ChannelTradeNo;
import io.shoudan.payment.EarlyReversal;
import io.shoudan.payment.Failure;
import io.shoudan.payment.FundingSource;
import io.shoudan.payment.IdempotencyKey;
import io.shoudan.payment.IdempotencyRecord;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.Operation;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.PaymentStore;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.Refund;
import io.shoudan.payment.RefundId;
import io.shoudan.payment.RefundInsertion;
import io.shoudan.payment.RefundKind;
import io.shoudan.payment.RefundStatus;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.VersionedWrite;
import io.shoudan.payment.SaleRequest;
import io.shoudan.payment.Transition;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.JdbcUrl;
import io.shoudan.store.database.SqlBatch;
import io.shoudan.store.database.SqlValue;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.ValueRecords;
import io.shoudan.store.database.schema.tables.records.EarlyReversalsRecord;
import io.shoudan.store.database.schema.tables.records.IdempotencyKeysRecord;
import io.shoudan.store.database.schema.tables.records.PaymentsRecord;
import io.shoudan.store.database.schema.tables.records.RefundsRecord;
import io.shoudan.store.ledger.JooqLedger;
import io.shoudan.terminal.TerminalSn;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.shoudan.store.database.schema.Tables.EARLY_REVERSALS;
import static io.shoudan.store.database.schema.Tables.IDEMPOTENCY_KEYS;
import static io.shoudan.store.database.schema.Tables.PAYMENTS;
import static io.shoudan.store.database.schema.Tables.REFUNDS;

/**
 * The payment service's {@link PaymentStore} in the database, with jOOQ: tables {@code payments},
 * {@code refunds}, {@code idempotency_keys}, {@code ledger_journals} and {@code ledger_postings}.
 *
 * <ul>
 *   <li>Every write method is one transaction. The idempotency key is inserted in the transaction that
 *       inserts the payment or refund ({@code INSERT … ON CONFLICT DO NOTHING}; a key already there
 *       writes nothing and answers with the stored record), and journals are appended in the
 *       transaction that changes the state they book.</li>
 *   <li>Usage: a payment whose state {@linkplain io.shoudan.payment.PaymentState#countsAsUsage counts}
 *       adds its amount to {@code merchant_usage_daily} (merchant, method, Beijing business day) in the
 *       transaction that inserts it, and gives it back in the transaction that moves it to a final
 *       state that does not count — so the eligibility snapshot reads at most a month of daily rows
 *       instead of summing every payment.</li>
 *   <li>A sale's writes are SQL text written once and bound by position ({@link PaymentSql}); on
 *       PostgreSQL each write is one round trip ({@link SqlBatch}). Reads and the rarer paths are jOOQ.</li>
 *   <li>Optimistic locking: {@code UPDATE … SET row_version = n WHERE row_version = n − 1}; no row
 *       updated means another writer won: the transaction rolls back and the write answers
 *       {@link VersionedWrite#LOST_RACE}.</li>
 *   <li>The whole aggregate round-trips: the request (so a retry can be compared field by field), the
 *       fee quote, the gate's reasons ({@code verdict}, JSON; their codes also in {@code reason_codes}),
 *       the failure's catalogue code ({@code failure_reason}) beside the channel's raw code
 *       ({@code raw_channel_code}), and the transition history (JSON). Instants are kept to the
 *       microsecond (the databases' precision, {@link StoreTime}); the history's to the nanosecond.</li>
 * </ul>
 *
 * This is the only idempotency mechanism for payments: the V1 generic {@code IdempotencyKeys}
 * repository was removed when this store took the table over (V2).
 */
public final class JooqPaymentStore implements PaymentStore {

    private static final int STREAM_FETCH_SIZE = 500;
    /** The unresolved states ({@link PaymentState#isUnresolved}) as the {@code state} column spells them. */
    private static final List<String> UNRESOLVED_STATES =
            PaymentState.where(PaymentState::isUnresolved).stream().map(PaymentState::name).toList();

    private final Database database;
    private final JooqLedger ledger;

    public JooqPaymentStore(Database database) {
        this.database = database;
        this.ledger = new JooqLedger(database);
    }

    // ---------------------------------------------------------------- writes

    /**
     * On PostgreSQL one statement, one round trip that is its own transaction
     * ({@link PaymentSql#insertInOneStatement}): the key is claimed and the payment and its usage are
     * written only if the claim wrote it — a retry racing the first request writes nothing. On H2 the
     * same in a transaction, statement by statement, the usage row added to or created.
     */
    @Override
    public Optional<IdempotencyRecord> insertPayment(Payment payment) {
        if (payment.version() != 1) {
            throw new IllegalStateException("payment " + payment.id() + " is inserted at version 1, not " + payment.version());
        }
        IdempotencyRecord record = IdempotencyRecord.of(payment);
        IdempotencyKeysRecord key = keyRow(record, payment.createdAt());
        PaymentsRecord row = paymentRow(payment);
        boolean counted = payment.state().countsAsUsage();
        try {
            if (database.kind() == JdbcUrl.DatabaseKind.POSTGRESQL) {
                long claimed = countOf(PaymentSql.insertInOneStatement(counted),
                        PaymentSql.insertInOneStatementValues(key, row, payment, counted));
                return claimed == 0 ? Optional.of(takenKey(database.dsl(), record)) : Optional.empty();
            }
            return database.inTransaction(dsl -> dsl.connectionResult(connection -> {
                if (new SqlBatch().add(PaymentSql.CLAIM_KEY, PaymentSql.keyValues(key)).execute(connection, database.kind())[0] == 0) {
                    return Optional.of(takenKey(dsl, record));
                }
                new SqlBatch().add(PaymentSql.INSERT_PAYMENT, PaymentSql.paymentValues(row)).execute(connection, database.kind());
                if (counted) {
                    addUsageOneByOne(connection, payment);
                }
                return Optional.<IdempotencyRecord>empty();
            }));
        } catch (DataAccessException e) {
            return raceLost(record, e);
        }
    }

    /** Runs one statement that answers a single count, auto-committed: its own transaction. */
    private long countOf(String sql, List<Object> values) {
        return database.dsl().connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.size(); i++) {
                    SqlValue.bind(statement, i + 1, values.get(i));
                }
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
    }

    /** H2: add to the day's usage row, creating it; a concurrent creation makes the insert fail and the add is retried. */
    private void addUsageOneByOne(Connection connection, Payment payment) throws SQLException {
        LocalDate day = PaymentSql.businessDay(payment);
        SqlBatch add = new SqlBatch().add(PaymentSql.ADD_USAGE, PaymentSql.addUsageValues(payment, day));
        if (add.execute(connection, database.kind())[0] == 1) {
            return;
        }
        try {
            new SqlBatch().add(PaymentSql.INSERT_USAGE, PaymentSql.usageValues(payment, day)).execute(connection, database.kind());
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23") || add.execute(connection, database.kind())[0] != 1) {
                throw e;
            }
        }
    }

    /**
     * On PostgreSQL one statement and one round trip ({@link PaymentSql#updateInOneStatement}); on H2
     * the same statements one by one in a transaction.
     */
    @Override
    public VersionedWrite updatePayment(Payment payment, List<Journal> journals) {
        if (database.kind() == JdbcUrl.DatabaseKind.POSTGRESQL) {
            boolean release = !payment.state().countsAsUsage();
            PaymentSql.JournalRows rows = PaymentSql.JournalRows.of(journals);
            String sql = PaymentSql.updateInOneStatement(release, rows.journals(), rows.postings());
            List<Object> values = PaymentSql.updateInOneStatementValues(payment, release, rows);
            long updated = countOf(sql, values);
            if (updated == 0) {
                return lostRace(storedVersion(database.dsl(), payment), "payment " + payment.id());
            }
            return VersionedWrite.WRITTEN;
        }
        try {
            return database.inTransaction(dsl -> {
                // The update first, its count checked before any journal is written: when another node settled the
                // payment first, its journals (same ids) are there already, and inserting ours would fail as a
                // duplicate key instead of answering with what that node stored.
                SqlBatch update = new SqlBatch();
                int updateAt = addPaymentUpdate(update, payment);
                if (run(dsl, update)[updateAt] == 0) {
                    // the usage release before it may have read the old version before the winner committed: roll it back
                    lostRace(storedVersion(dsl, payment), "payment " + payment.id());
                    throw new RolledBackLostRace();
                }
                SqlBatch books = new SqlBatch();
                PaymentSql.addJournals(books, journals);
                if (books.size() > 0) {
                    run(dsl, books);
                }
                return VersionedWrite.WRITTEN;
            });
        } catch (RolledBackLostRace lost) {
            return VersionedWrite.LOST_RACE;
        }
    }

    /**
     * Adds the versioned update of {@code payment} — preceded, when its new state does not count as
     * usage, by giving its amount back to its day ({@link PaymentSql#RELEASE_USAGE}) — and returns the
     * update's index in the batch.
     */
    private static int addPaymentUpdate(SqlBatch batch, Payment payment) {
        if (!payment.state().countsAsUsage()) {
            batch.add(PaymentSql.RELEASE_USAGE, PaymentSql.releaseValues(payment));
        }
        batch.add(PaymentSql.UPDATE_PAYMENT, PaymentSql.updateValues(payment));
        return batch.size() - 1;
    }

    @Override
    public RefundInsertion insertRefund(Refund refund, Payment reserving) {
        if (refund.version() != 1) {
            throw new IllegalStateException("refund " + refund.id() + " is inserted at version 1, not " + refund.version());
        }
        IdempotencyRecord record = IdempotencyRecord.of(refund);
        try {
            return database.inTransaction(dsl -> {
                SqlBatch batch = new SqlBatch()
                        .add(PaymentSql.CLAIM_KEY, PaymentSql.keyValues(keyRow(record, refund.createdAt())))
                        .add(PaymentSql.INSERT_REFUND_IF_KEY_IS_OURS, PaymentSql.refundIfKeyIsOurs(refundRow(refund), record));
                int updateAt = addPaymentUpdate(batch, reserving);
                int[] counts = run(dsl, batch);
                boolean paymentUpdated = counts[updateAt] != 0;
                if (counts[0] == 0) {
                    IdempotencyRecord taken = takenKey(dsl, record);
                    if (paymentUpdated) {
                        // the conditional insert wrote nothing, but the reservation did: roll it back
                        throw new KeyTaken(taken);
                    }
                    return new RefundInsertion.KeyTaken(taken);
                }
                if (!paymentUpdated) {
                    // the refund and its key were written: roll them back
                    lostRace(storedVersion(dsl, reserving), "payment " + reserving.id());
                    throw new RolledBackLostRace();
                }
                return new RefundInsertion.Inserted();
            });
        } catch (KeyTaken taken) {
            return new RefundInsertion.KeyTaken(taken.record);
        } catch (RolledBackLostRace lost) {
            return new RefundInsertion.LostRace();
        } catch (DataAccessException e) {
            return new RefundInsertion.KeyTaken(raceLost(record, e).orElseThrow());
        }
    }

    // ---------------------------------------------------------------- early reversals

    /** The sale's key claimed as REVERSAL and the note written, in one transaction; rare, so plain jOOQ. */
    @Override
    public Optional<IdempotencyRecord> noteEarlyReversal(EarlyReversal note) {
        IdempotencyRecord record = IdempotencyRecord.of(note);
        try {
            return database.inTransaction(dsl -> {
                if (run(dsl, new SqlBatch().add(PaymentSql.CLAIM_KEY, PaymentSql.keyValues(keyRow(record, note.notedAt()))))[0] == 0) {
                    return Optional.of(takenKey(dsl, record));
                }
                dsl.executeInsert(earlyReversalRow(note));
                return Optional.<IdempotencyRecord>empty();
            });
        } catch (DataAccessException e) {
            return raceLost(record, e);
        }
    }

    @Override
    public Optional<EarlyReversal> findEarlyReversal(IdempotencyKey key) {
        return database.dsl().selectFrom(EARLY_REVERSALS)
                .where(EARLY_REVERSALS.MERCHANT_ID.eq(key.merchant().value()), EARLY_REVERSALS.REQUEST_KEY.eq(key.request().value()))
                .fetchOptional()
                .map(JooqPaymentStore::earlyReversal);
    }

    /**
     * The REVERSAL key turned into the late sale's SALE key, only if it still is a REVERSAL one, and the payment
     * inserted, in one transaction: of two copies of the late sale, the second finds the key a SALE one.
     */
    @Override
    public Optional<IdempotencyRecord> insertInPlaceOfReversal(Payment lateSale) {
        if (lateSale.version() != 1 || !lateSale.state().isFinal() || lateSale.state().countsAsUsage()) {
            throw new IllegalStateException("a late sale " + lateSale.id() + " is inserted at version 1, final and not counted, not "
                    + lateSale.state() + " at " + lateSale.version());
        }
        IdempotencyRecord record = IdempotencyRecord.of(lateSale);
        return database.inTransaction(dsl -> {
            int taken = dsl.update(IDEMPOTENCY_KEYS)
                    .set(IDEMPOTENCY_KEYS.OPERATION, Operation.SALE.name())
                    .set(IDEMPOTENCY_KEYS.PAYMENT_ID, lateSale.id().value())
                    .where(IDEMPOTENCY_KEYS.MERCHANT_ID.eq(record.key().merchant().value()),
                            IDEMPOTENCY_KEYS.REQUEST_KEY.eq(record.key().request().value()),
                            IDEMPOTENCY_KEYS.OPERATION.eq(Operation.REVERSAL.name()))
                    .execute();
            if (taken == 0) {
                return Optional.of(takenKey(dsl, record));
            }
            run(dsl, new SqlBatch().add(PaymentSql.INSERT_PAYMENT, PaymentSql.paymentValues(paymentRow(lateSale))));
            return Optional.<IdempotencyRecord>empty();
        });
    }

    private static EarlyReversalsRecord earlyReversalRow(EarlyReversal note) {
        EarlyReversalsRecord row = ValueRecords.of(new EarlyReversalsRecord());
        RequestColumns original = RequestColumns.of(note.original().request());
        RequestColumns reversal = RequestColumns.of(note.reversal());
        row.setMerchantId(note.original().merchant().value());
        row.setRequestKey(original.text());
        row.setOriginalKind(original.kind());
        row.setTerminalId(original.terminal());
        row.setBatchNo(original.batch());
        row.setTraceNo(original.trace());
        row.setReversalKind(reversal.kind());
        row.setReversalRequestId(reversal.text());
        row.setReversalTerminalId(reversal.terminal());
        row.setReversalBatchNo(reversal.batch());
        row.setReversalTraceNo(reversal.trace());
        row.setAmountFen(note.amount().fen());
        row.setNotedAt(time(note.notedAt()));
        return row;
    }

    private static EarlyReversal earlyReversal(EarlyReversalsRecord row) {
        RequestId original = new RequestColumns(row.getOriginalKind(), row.getRequestKey(), row.getTerminalId(), row.getBatchNo(),
                row.getTraceNo()).toRequestId();
        RequestId reversal = new RequestColumns(row.getReversalKind(), row.getReversalRequestId(), row.getReversalTerminalId(),
                row.getReversalBatchNo(), row.getReversalTraceNo()).toRequestId();
        return new EarlyReversal(new IdempotencyKey(new MerchantId(row.getMerchantId()), original), reversal,
                Money.ofFen(row.getAmountFen()), instant(row.getNotedAt()));
    }

    @Override
    public VersionedWrite updateRefund(Refund refund, Payment payment, List<Journal> journals) {
        try {
            return database.inTransaction(dsl -> {
                int refundUpdated = dsl.update(REFUNDS).set(refundRow(refund))
                        .where(REFUNDS.MERCHANT_ID.eq(refund.merchant().value()), REFUNDS.REFUND_ID.eq(refund.id().value()),
                                REFUNDS.ROW_VERSION.eq(Math.toIntExact(refund.version() - 1)))
                        .execute();
                if (refundUpdated == 0) {
                    return lostRace(dsl.select(REFUNDS.ROW_VERSION).from(REFUNDS)
                            .where(REFUNDS.MERCHANT_ID.eq(refund.merchant().value()), REFUNDS.REFUND_ID.eq(refund.id().value()))
                            .fetchOptional(REFUNDS.ROW_VERSION), "refund " + refund.id());
                }
                SqlBatch batch = new SqlBatch();
                int updateAt = payment == null ? -1 : addPaymentUpdate(batch, payment);
                PaymentSql.addJournals(batch, journals);
                if (batch.size() == 0) {
                    return VersionedWrite.WRITTEN;
                }
                int[] counts = run(dsl, batch);
                if (payment != null && counts[updateAt] == 0) {
                    // the refund (and perhaps journals) were written: roll them back
                    lostRace(storedVersion(dsl, payment), "payment " + payment.id());
                    throw new RolledBackLostRace();
                }
                return VersionedWrite.WRITTEN;
            });
        } catch (RolledBackLostRace lost) {
            return VersionedWrite.LOST_RACE;
        }
    }

    private int[] run(DSLContext dsl, SqlBatch batch) {
        return dsl.connectionResult(connection -> batch.execute(connection, database.kind()));
    }

    private static IdempotencyRecord takenKey(DSLContext dsl, IdempotencyRecord record) {
        return findKey(dsl, record.key()).orElseThrow(() ->
                new IllegalStateException("idempotency key " + record.key() + " is taken but cannot be read"));
    }

    /**
     * A concurrent insert of the same key: PostgreSQL's {@code ON CONFLICT} waits for the first
     * transaction and writes nothing, but H2 may report the race as a duplicate key; once the winner is
     * visible the violation is answered as a taken key.
     */
    private Optional<IdempotencyRecord> raceLost(IdempotencyRecord record, DataAccessException e) {
        if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
            throw e;
        }
        Optional<IdempotencyRecord> winner = findKey(record.key());
        if (winner.isPresent()) {
            return winner;
        }
        throw e;
    }

    /** Rolls back a write whose key turned out to be taken, carrying the record that holds it. */
    private static final class KeyTaken extends RuntimeException {
        private final transient IdempotencyRecord record;

        KeyTaken(IdempotencyRecord record) {
            super("idempotency key " + record.key() + " is taken", null, false, false);
            this.record = record;
        }
    }

    private static Optional<Integer> storedVersion(DSLContext dsl, Payment payment) {
        return dsl.select(PAYMENTS.ROW_VERSION).from(PAYMENTS)
                .where(PAYMENTS.MERCHANT_ID.eq(payment.merchant().value()), PAYMENTS.PAYMENT_ID.eq(payment.id().value()))
                .fetchOptional(PAYMENTS.ROW_VERSION);
    }

    /**
     * A versioned write that updated no row: lost to another writer when the row is there; a bug when it is not
     * (the write names a payment or refund that was never stored).
     */
    private static VersionedWrite lostRace(Optional<Integer> storedVersion, String what) {
        if (storedVersion.isEmpty()) {
            throw new IllegalStateException(what + " does not exist");
        }
        return VersionedWrite.LOST_RACE;
    }

    /** Rolls back a write that lost its race after part of it was written. */
    private static final class RolledBackLostRace extends RuntimeException {
        RolledBackLostRace() {
            super("lost a race to another writer", null, false, false);
        }
    }

    // ---------------------------------------------------------------- claims

    @Override
    public boolean claim(PaymentId payment, String owner, Instant until, Instant now) {
        return database.dsl().update(PAYMENTS)
                .set(PAYMENTS.CLAIMED_BY, owner)
                .set(PAYMENTS.CLAIMED_UNTIL, time(until))
                .where(PAYMENTS.PAYMENT_ID.eq(payment.value()),
                        PAYMENTS.STATE.in(UNRESOLVED_STATES),
                        PAYMENTS.CLAIMED_BY.isNull().or(PAYMENTS.CLAIMED_BY.eq(owner)).or(PAYMENTS.CLAIMED_UNTIL.le(time(now))))
                .execute() == 1;
    }

    @Override
    public void release(PaymentId payment, String owner) {
        database.dsl().update(PAYMENTS)
                .set(PAYMENTS.CLAIMED_BY, (String) null)
                .set(PAYMENTS.CLAIMED_UNTIL, (OffsetDateTime) null)
                .where(PAYMENTS.PAYMENT_ID.eq(payment.value()), PAYMENTS.CLAIMED_BY.eq(owner))
                .execute();
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<Payment> findPayment(PaymentId id) {
        return database.dsl().selectFrom(PAYMENTS).where(PAYMENTS.PAYMENT_ID.eq(id.value())).fetchOptional()
                .map(JooqPaymentStore::payment);
    }

    @Override
    public Optional<Refund> findRefund(RefundId id) {
        return database.dsl().selectFrom(REFUNDS).where(REFUNDS.REFUND_ID.eq(id.value())).fetchOptional()
                .map(JooqPaymentStore::refund);
    }

    @Override
    public Optional<IdempotencyRecord> findKey(IdempotencyKey key) {
        return findKey(database.dsl(), key);
    }

    private static Optional<IdempotencyRecord> findKey(DSLContext dsl, IdempotencyKey key) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(PaymentSql.FIND_KEY)) {
                statement.setString(1, key.merchant().value());
                statement.setString(2, key.request().value());
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<IdempotencyRecord>empty();
                    }
                    String payment = row.getString(2);
                    String refund = row.getString(3);
                    return Optional.of(new IdempotencyRecord(key, Operation.valueOf(row.getString(1)),
                            payment == null ? null : new PaymentId(payment), refund == null ? null : new RefundId(refund)));
                }
            }
        });
    }

    @Override
    public List<Refund> refundsOf(PaymentId payment) {
        return database.dsl().selectFrom(REFUNDS).where(REFUNDS.PAYMENT_ID.eq(payment.value()))
                .orderBy(REFUNDS.CREATED_AT, REFUNDS.REFUND_ID)
                .fetch(JooqPaymentStore::refund);
    }

    @Override
    public List<Payment> unresolvedPayments() {
        return database.dsl().selectFrom(PAYMENTS)
                .where(PAYMENTS.STATE.in(UNRESOLVED_STATES))
                .orderBy(PAYMENTS.UPDATED_AT, PAYMENTS.PAYMENT_ID)
                .fetch(JooqPaymentStore::payment);
    }

    @Override
    public List<Refund> pendingRefunds() {
        return database.dsl().selectFrom(REFUNDS).where(REFUNDS.STATE.eq(RefundStatus.PENDING.name()))
                .orderBy(REFUNDS.CREATED_AT, REFUNDS.REFUND_ID)
                .fetch(JooqPaymentStore::refund);
    }

    @Override
    public List<Journal> journalsOf(PaymentId payment) {
        return ledger.journalsOf(payment);
    }

    /** Streams with a database cursor, {@value #STREAM_FETCH_SIZE} rows at a time, in one read transaction. */
    @Override
    public void forEachPayment(Consumer<Payment> action) {
        database.inTransactionDo(dsl -> {
            try (Cursor<PaymentsRecord> rows = dsl.selectFrom(PAYMENTS).fetchSize(STREAM_FETCH_SIZE).fetchLazy()) {
                for (PaymentsRecord row : rows) {
                    action.accept(payment(row));
                }
            }
        });
    }

    @Override
    public void forEachJournal(Consumer<Journal> action) {
        ledger.forEachJournal(action);
    }

    @Override
    public List<String> unattachedLedgerRows() {
        return ledger.unattachedRows();
    }

    // ---------------------------------------------------------------- rows

    private static IdempotencyKeysRecord keyRow(IdempotencyRecord record, Instant at) {
        IdempotencyKeysRecord row = ValueRecords.of(new IdempotencyKeysRecord());
        row.setMerchantId(record.key().merchant().value());
        row.setRequestKey(record.key().request().value());
        row.setOperation(record.operation().name());
        row.setPaymentId(record.payment() == null ? null : record.payment().value());
        row.setRefundId(record.refund() == null ? null : record.refund().value());
        row.setCreatedAt(time(at));
        return row;
    }

    /** The columns a payment's changes can touch (an update writes only these), without the rest of the row. */
    static PaymentsRecord mutableRow(Payment payment) {
        PaymentsRecord row = ValueRecords.of(new PaymentsRecord());
        row.setState(payment.state().name());
        row.setRefundedFen(payment.refunded().fen());
        row.setRefundsPendingFen(payment.refundsPending().fen());
        row.setFeeReturnedAcquirerFen(payment.feeReturned().acquirer().fen());
        row.setFeeReturnedInstallmentFen(payment.feeReturned().installment().fen());
        row.setChannelTradeNo(payment.channelTradeNo() == null ? null : payment.channelTradeNo().value());
        row.setFundingSource(payment.fundingSource() == null ? null : payment.fundingSource().name());
        row.setFailureReason(payment.failure() == null ? null : payment.failure().reason().name());
        RawCode raw = payment.failure() != null ? payment.failure().raw() : lastRaw(payment.history());
        row.setRawChannelCode(raw == null ? null : raw.value());
        row.setHistory(PaymentJson.history(payment.history()));
        row.setReversalReturnedMoney(payment.reversalReturnedMoney());
        row.setUpdatedAt(time(payment.updatedAt()));
        row.setSucceededAt(time(payment.succeededAt()));
        row.setCompletedAt(time(completedAt(payment)));
        row.setSettledAt(time(payment.settledAt()));
        row.setRowVersion(Math.toIntExact(payment.version()));
        return row;
    }

    static PaymentsRecord paymentRow(Payment payment) {
        SaleRequest request = payment.request();
        PaymentsRecord row = mutableRow(payment);
        row.setMerchantId(payment.merchant().value());
        row.setPaymentId(payment.id().value());
        RequestColumns id = RequestColumns.of(request.request());
        row.setRequestId(id.text());
        row.setRequestKind(id.kind());
        row.setTerminalId(id.terminal());
        row.setBatchNo(id.batch());
        row.setTraceNo(id.trace());
        row.setOutTradeNo(payment.id().value());
        row.setTerminalSn(request.terminal().value());
        row.setPaymentMethod(request.method().name());
        row.setChannel(request.method().channel().name());
        row.setAmountFen(request.amount().fen());
        row.setInstallments(request.installments().count());
        row.setInstallmentFeeBearer(request.installments().bearer().name());
        switch (request.instrument()) {
            case Instrument.ScannedCode scanned -> {
                // never the code itself: a bearer credential while it is valid (Instrument.ScannedCode)
                row.setInstrumentKind("SCANNED_CODE");
                row.setInstrumentValue(scanned.fingerprint());
                row.setPaymentCodeMasked(scanned.masked());
            }
            case Instrument.CardReference card -> {
                row.setInstrumentKind("CARD_REFERENCE");
                row.setInstrumentValue(card.token());
            }
        }
        FeeQuote fee = payment.fee();
        if (fee != null) {
            row.setFeeRateCardId(fee.rateCard().value());
            row.setRateCardVersion(fee.rateCardVersion());
            row.setFeeFen(fee.total().fen());
            row.setFeeAcquirerFen(fee.charged().acquirer().fen());
            row.setFeeInstallmentFen(fee.charged().installment().fen());
            row.setFeeInstallmentBuyerFen(fee.installmentFeeBuyer().fen());
        }
        row.setReasonCodes(payment.verdict().isEmpty() ? null
                : payment.verdict().stream().map(reason -> reason.code().name()).collect(Collectors.joining(",")));
        row.setVerdict(payment.verdict().isEmpty() ? null : PaymentJson.verdict(payment.verdict()));
        row.setCreatedAt(time(payment.createdAt()));
        return row;
    }

    static Payment payment(PaymentsRecord row) {
        MerchantId merchant = new MerchantId(row.getMerchantId());
        PaymentMethod method = PaymentMethod.valueOf(row.getPaymentMethod());
        Money amount = Money.ofFen(row.getAmountFen());
        Instrument instrument = switch (row.getInstrumentKind()) {
            case "SCANNED_CODE" -> Instrument.ScannedCode.spent(row.getInstrumentValue(), row.getPaymentCodeMasked());
            case "CARD_REFERENCE" -> new Instrument.CardReference(row.getInstrumentValue());
            default -> throw new IllegalStateException("payment " + row.getPaymentId() + " has an unknown instrument kind "
                    + row.getInstrumentKind());
        };
        SaleRequest request = new SaleRequest(merchant, new TerminalSn(row.getTerminalSn()),
                new RequestColumns(row.getRequestKind(), row.getRequestId(), row.getTerminalId(), row.getBatchNo(), row.getTraceNo()).toRequestId(), method,
                amount, Installments.of(row.getInstallments(), InstallmentFeeBearer.valueOf(row.getInstallmentFeeBearer())), instrument);
        FeeQuote fee = row.getFeeRateCardId() == null ? null : new FeeQuote(new RateCardId(row.getFeeRateCardId()),
                row.getRateCardVersion(), amount, new FeeSplit(Money.ofFen(row.getFeeAcquirerFen()), Money.ofFen(row.getFeeInstallmentFen())),
                Money.ofFen(row.getFeeInstallmentBuyerFen()));
        Failure failure = row.getFailureReason() == null ? null
                : new Failure(ReasonCode.valueOf(row.getFailureReason()), new RawCode(row.getRawChannelCode()));
        List<Reason> verdict = PaymentJson.verdict(row.getVerdict());
        List<Transition> history = PaymentJson.history(row.getHistory());
        return new Payment(new PaymentId(row.getPaymentId()), request, PaymentState.valueOf(row.getState()), row.getRowVersion(),
                instant(row.getCreatedAt()), instant(row.getUpdatedAt()), verdict, fee, failure,
                row.getChannelTradeNo() == null ? null : new ChannelTradeNo(row.getChannelTradeNo()),
                row.getFundingSource() == null ? null : FundingSource.valueOf(row.getFundingSource()),
                instant(row.getSucceededAt()), row.getReversalReturnedMoney(), Money.ofFen(row.getRefundedFen()),
                Money.ofFen(row.getRefundsPendingFen()),
                new FeeSplit(Money.ofFen(row.getFeeReturnedAcquirerFen()), Money.ofFen(row.getFeeReturnedInstallmentFen())),
                instant(row.getSettledAt()), history);
    }

    private static RefundsRecord refundRow(Refund refund) {
        RefundsRecord row = ValueRecords.of(new RefundsRecord());
        row.setMerchantId(refund.merchant().value());
        row.setRefundId(refund.id().value());
        row.setPaymentId(refund.payment().value());
        RequestColumns request = RequestColumns.of(refund.request());
        row.setRequestId(request.text());
        row.setRequestKind(request.kind());
        row.setTerminalId(request.terminal());
        row.setBatchNo(request.batch());
        row.setTraceNo(request.trace());
        RequestColumns original = RequestColumns.of(refund.original());
        row.setOriginalRequestId(original.text());
        row.setOriginalKind(original.kind());
        row.setOriginalTerminalId(original.terminal());
        row.setOriginalBatchNo(original.batch());
        row.setOriginalTraceNo(original.trace());
        row.setKind(refund.kind().name());
        row.setState(refund.status().name());
        row.setAmountFen(refund.amount().fen());
        row.setFeeRefundedFen(refund.feeReturned().total().fen());
        row.setFeeRefundedInstallmentFen(refund.feeReturned().installment().fen());
        row.setRawChannelCode(refund.raw() == null ? null : refund.raw().value());
        row.setReasonCodes(refund.failure() == null ? null : refund.failure().reason().name());
        row.setCreatedAt(time(refund.createdAt()));
        row.setUpdatedAt(time(refund.completedAt() == null ? refund.createdAt() : refund.completedAt()));
        row.setCompletedAt(time(refund.completedAt()));
        row.setRowVersion(Math.toIntExact(refund.version()));
        return row;
    }

    private static Refund refund(RefundsRecord row) {
        Money feeTotal = Money.ofFen(row.getFeeRefundedFen() == null ? 0 : row.getFeeRefundedFen());
        Money feeInstallment = Money.ofFen(row.getFeeRefundedInstallmentFen());
        RawCode raw = row.getRawChannelCode() == null ? null : new RawCode(row.getRawChannelCode());
        Failure failure = row.getReasonCodes() == null ? null : new Failure(ReasonCode.valueOf(row.getReasonCodes()), raw);
        return new Refund(new RefundId(row.getRefundId()), new PaymentId(row.getPaymentId()), new MerchantId(row.getMerchantId()),
                new RequestColumns(row.getRequestKind(), row.getRequestId(), row.getTerminalId(), row.getBatchNo(), row.getTraceNo()).toRequestId(),
                new RequestColumns(row.getOriginalKind(), row.getOriginalRequestId(), row.getOriginalTerminalId(), row.getOriginalBatchNo(),
                        row.getOriginalTraceNo()).toRequestId(), RefundKind.valueOf(row.getKind()),
                Money.ofFen(row.getAmountFen()), RefundStatus.valueOf(row.getState()), row.getRowVersion(),
                new FeeSplit(feeTotal.minus(feeInstallment), feeInstallment), raw, failure, instant(row.getCreatedAt()),
                instant(row.getCompletedAt()));
    }

    /** The last raw channel code in the history: what the channel said most recently. */
    private static RawCode lastRaw(List<Transition> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).raw() != null) {
                return history.get(i).raw();
            }
        }
        return null;
    }

    /** When the channel's answer was settled: the first move out of PROCESSING / UNKNOWN (or to DECLINED); null while unresolved. */
    private static Instant completedAt(Payment payment) {
        if (payment.state().isUnresolved() || payment.state() == PaymentState.CREATED) {
            return null;
        }
        for (Transition step : payment.history()) {
            if (!step.to().isUnresolved()) {
                return step.at();
            }
        }
        return payment.updatedAt();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : StoreTime.toDatabase(instant.atOffset(ZoneOffset.UTC));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
