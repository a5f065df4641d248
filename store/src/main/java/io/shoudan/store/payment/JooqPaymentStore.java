package io.shoudan.store.payment;

import io.shoudan.fee.FeeQuote;
import io.shoudan.fee.FeeSplit;
import io.shoudan.fee.InstallmentFeeBearer;
import io.shoudan.fee.Installments;
import io.shoudan.fee.RateCardId;
import io.shoudan.ledger.Journal;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentCode;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.ChannelTradeNo;
import io.shoudan.payment.Failure;
import io.shoudan.payment.FundingSource;
import io.shoudan.payment.IdempotencyKey;
import io.shoudan.payment.IdempotencyRecord;
import io.shoudan.payment.Instrument;
import io.shoudan.payment.Operation;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.PaymentStore;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.Refund;
import io.shoudan.payment.RefundId;
import io.shoudan.payment.RefundKind;
import io.shoudan.payment.RefundStatus;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.SaleRequest;
import io.shoudan.payment.StaleWriteException;
import io.shoudan.payment.Transition;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.JdbcUrl;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.schema.tables.records.IdempotencyKeysRecord;
import io.shoudan.store.database.schema.tables.records.PaymentsRecord;
import io.shoudan.store.database.schema.tables.records.RefundsRecord;
import io.shoudan.store.ledger.JooqLedger;
import io.shoudan.terminal.TerminalSn;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 *   <li>Optimistic locking: {@code UPDATE … SET row_version = n WHERE row_version = n − 1}; no row
 *       updated means another writer won, and {@link StaleWriteException} rolls everything back.</li>
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

    private static final Pattern BATCH_TRACE = Pattern.compile("([0-9]{6})-([0-9]{6})");
    private static final int STREAM_FETCH_SIZE = 500;

    private final Database database;
    private final JooqLedger ledger;

    public JooqPaymentStore(Database database) {
        this.database = database;
        this.ledger = new JooqLedger(database);
    }

    // ---------------------------------------------------------------- writes

    @Override
    public Optional<IdempotencyRecord> insertPayment(Payment payment) {
        if (payment.version() != 1) {
            throw new IllegalStateException("payment " + payment.id() + " is inserted at version 1, not " + payment.version());
        }
        IdempotencyRecord record = IdempotencyRecord.of(payment);
        return claimingKey(record, payment.createdAt(), List.of(insertIfKeyIsOurs(PAYMENTS, paymentRow(payment), record)), null);
    }

    @Override
    public void updatePayment(Payment payment, List<Journal> journals) {
        database.inTransactionDo(dsl -> {
            List<Query> batch = new ArrayList<>();
            batch.add(paymentUpdate(dsl, payment));
            batch.addAll(JournalInserts.inserts(dsl, journals));
            int[] counts = execute(dsl, batch);
            if (counts[0] == 0) {
                throw stale(storedVersion(dsl, payment), "payment " + payment.id(), payment.version());
            }
        });
    }

    @Override
    public Optional<IdempotencyRecord> insertRefund(Refund refund, Payment reserving) {
        if (refund.version() != 1) {
            throw new IllegalStateException("refund " + refund.id() + " is inserted at version 1, not " + refund.version());
        }
        IdempotencyRecord record = IdempotencyRecord.of(refund);
        return claimingKey(record, refund.createdAt(), List.of(
                insertIfKeyIsOurs(REFUNDS, refundRow(refund), record),
                paymentUpdate(database.dsl(), reserving)), reserving);
    }

    @Override
    public void updateRefund(Refund refund, Payment payment, List<Journal> journals) {
        database.inTransactionDo(dsl -> {
            List<Query> batch = new ArrayList<>();
            batch.add(dsl.update(REFUNDS).set(refundRow(refund))
                    .where(REFUNDS.MERCHANT_ID.eq(refund.merchant().value()), REFUNDS.REFUND_ID.eq(refund.id().value()),
                            REFUNDS.ROW_VERSION.eq(Math.toIntExact(refund.version() - 1))));
            if (payment != null) {
                batch.add(paymentUpdate(dsl, payment));
            }
            batch.addAll(JournalInserts.inserts(dsl, journals));
            int[] counts = execute(dsl, batch);
            if (counts[0] == 0) {
                throw stale(dsl.select(REFUNDS.ROW_VERSION).from(REFUNDS)
                        .where(REFUNDS.MERCHANT_ID.eq(refund.merchant().value()), REFUNDS.REFUND_ID.eq(refund.id().value()))
                        .fetchOptional(REFUNDS.ROW_VERSION), "refund " + refund.id(), refund.version());
            }
            if (payment != null && counts[1] == 0) {
                throw stale(storedVersion(dsl, payment), "payment " + payment.id(), payment.version());
            }
        });
    }

    /**
     * Inserts the key and the rows of {@code writes} in one transaction and one round trip (a JDBC
     * batch): the key with {@code ON CONFLICT DO NOTHING}, then each row only if the key now names
     * this payment or refund ({@link #insertIfKeyIsOurs}). When the key was already taken nothing is
     * written and the stored record is returned. A concurrent insert of the same key waits for the
     * first transaction (PostgreSQL's ON CONFLICT); on H2, whose MERGE may report the race as a
     * duplicate key instead, the violation is answered the same way once the winner is visible.
     *
     * @param reserving the payment whose versioned update is the last query of {@code writes} (a
     *                  refund's reservation); {@code null} when there is none
     */
    private Optional<IdempotencyRecord> claimingKey(IdempotencyRecord record, Instant at, List<Query> writes, Payment reserving) {
        try {
            return database.inTransaction(dsl -> {
                List<Query> batch = new ArrayList<>();
                batch.add(dsl.insertInto(IDEMPOTENCY_KEYS).set(keyRow(record, at)).onConflictDoNothing());
                batch.addAll(writes);
                int[] counts = execute(dsl, batch);
                boolean paymentUpdated = reserving == null || counts[counts.length - 1] != 0;
                if (counts[0] == 0) {
                    IdempotencyRecord taken = findKey(dsl, record.key()).orElseThrow(() ->
                            new IllegalStateException("idempotency key " + record.key() + " is taken but cannot be read"));
                    if (reserving != null && paymentUpdated) {
                        // the conditional insert wrote nothing, but the reservation did: roll it back
                        throw new KeyTaken(taken);
                    }
                    return Optional.of(taken);
                }
                if (!paymentUpdated) {
                    throw stale(storedVersion(dsl, reserving), "payment " + reserving.id(), reserving.version());
                }
                return Optional.<IdempotencyRecord>empty();
            });
        } catch (KeyTaken taken) {
            return Optional.of(taken.record);
        } catch (DataAccessException e) {
            if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                throw e;
            }
            Optional<IdempotencyRecord> winner = findKey(record.key());
            if (winner.isPresent()) {
                return winner;
            }
            throw e;
        }
    }

    /** Rolls back a write whose key turned out to be taken, carrying the record that holds it. */
    private static final class KeyTaken extends RuntimeException {
        private final transient IdempotencyRecord record;

        KeyTaken(IdempotencyRecord record) {
            super("idempotency key " + record.key() + " is taken", null, false, false);
            this.record = record;
        }
    }

    /**
     * {@code INSERT INTO table (…) SELECT … WHERE EXISTS (the key names this payment or refund)}: in the
     * key's batch a row is written only when the key insert before it won, so a retry racing the
     * first request writes nothing, without a round trip to ask first.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Query insertIfKeyIsOurs(Table<?> table, TableRecord<?> row, IdempotencyRecord record) {
        List<Field<?>> columns = new ArrayList<>();
        List<Field<?>> values = new ArrayList<>();
        for (Field<?> field : row.fields()) {
            if (row.changed(field)) {
                columns.add(field);
                values.add(DSL.val(row.get(field), (Field) field));
            }
        }
        Condition ours = IDEMPOTENCY_KEYS.MERCHANT_ID.eq(record.key().merchant().value())
                .and(IDEMPOTENCY_KEYS.REQUEST_KEY.eq(record.key().request().value()))
                .and(record.refund() == null
                        ? IDEMPOTENCY_KEYS.PAYMENT_ID.eq(record.payment().value()).and(IDEMPOTENCY_KEYS.REFUND_ID.isNull())
                        : IDEMPOTENCY_KEYS.REFUND_ID.eq(record.refund().value()));
        DSLContext dsl = database.dsl();
        return dsl.insertInto(table).columns(columns)
                .select((Select) dsl.select(values).whereExists(dsl.selectOne().from(IDEMPOTENCY_KEYS).where(ours)));
    }

    /**
     * Runs the statements of one write: on PostgreSQL as one JDBC batch (one round trip; values inlined,
     * so each statement is parsed anew, which costs less than a round trip); on embedded H2, where there
     * is no round trip to save, one by one with bind values so H2 can reuse its parsed commands.
     */
    private int[] execute(DSLContext dsl, List<Query> queries) {
        if (database.kind() == JdbcUrl.DatabaseKind.H2) {
            int[] counts = new int[queries.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = queries.get(i).execute();
            }
            return counts;
        }
        return dsl.batch(queries).execute();
    }

    /**
     * The columns a payment's changes can touch; the request, the fee quote, the verdict and the
     * creation time are written once by the insert and never again, so an update neither renders nor
     * rewrites them.
     */
    private static final List<Field<?>> MUTABLE = List.of(PAYMENTS.STATE, PAYMENTS.REFUNDED_FEN, PAYMENTS.REFUNDS_PENDING_FEN,
            PAYMENTS.FEE_RETURNED_ACQUIRER_FEN, PAYMENTS.FEE_RETURNED_INSTALLMENT_FEN, PAYMENTS.CHANNEL_TRADE_NO,
            PAYMENTS.FUNDING_SOURCE, PAYMENTS.FAILURE_REASON, PAYMENTS.RAW_CHANNEL_CODE, PAYMENTS.HISTORY,
            PAYMENTS.REVERSAL_RETURNED_MONEY, PAYMENTS.UPDATED_AT, PAYMENTS.SUCCEEDED_AT, PAYMENTS.COMPLETED_AT,
            PAYMENTS.SETTLED_AT, PAYMENTS.ROW_VERSION);

    private static Query paymentUpdate(DSLContext dsl, Payment payment) {
        PaymentsRecord all = paymentRow(payment);
        PaymentsRecord changes = new PaymentsRecord();
        for (Field<?> field : MUTABLE) {
            copy(all, changes, field);
        }
        return dsl.update(PAYMENTS).set(changes)
                .where(PAYMENTS.MERCHANT_ID.eq(payment.merchant().value()), PAYMENTS.PAYMENT_ID.eq(payment.id().value()),
                        PAYMENTS.ROW_VERSION.eq(Math.toIntExact(payment.version() - 1)));
    }

    private static <T> void copy(PaymentsRecord from, PaymentsRecord to, Field<T> field) {
        to.set(field, from.get(field));
    }

    private static Optional<Integer> storedVersion(DSLContext dsl, Payment payment) {
        return dsl.select(PAYMENTS.ROW_VERSION).from(PAYMENTS)
                .where(PAYMENTS.MERCHANT_ID.eq(payment.merchant().value()), PAYMENTS.PAYMENT_ID.eq(payment.id().value()))
                .fetchOptional(PAYMENTS.ROW_VERSION);
    }

    private static RuntimeException stale(Optional<Integer> storedVersion, String what, long writtenVersion) {
        return storedVersion
                .<RuntimeException>map(stored -> new StaleWriteException(what + " is at version " + stored
                        + ", the write expected " + (writtenVersion - 1)))
                .orElseGet(() -> new IllegalStateException(what + " does not exist"));
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
        return dsl.selectFrom(IDEMPOTENCY_KEYS)
                .where(IDEMPOTENCY_KEYS.MERCHANT_ID.eq(key.merchant().value()), IDEMPOTENCY_KEYS.REQUEST_KEY.eq(key.request().value()))
                .fetchOptional()
                .map(row -> new IdempotencyRecord(key, Operation.valueOf(row.getOperation()), new PaymentId(row.getPaymentId()),
                        row.getRefundId() == null ? null : new RefundId(row.getRefundId())));
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
                .where(PAYMENTS.STATE.in(PaymentState.PROCESSING.name(), PaymentState.UNKNOWN.name()))
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

    // ---------------------------------------------------------------- rows

    private static IdempotencyKeysRecord keyRow(IdempotencyRecord record, Instant at) {
        IdempotencyKeysRecord row = new IdempotencyKeysRecord();
        row.setMerchantId(record.key().merchant().value());
        row.setRequestKey(record.key().request().value());
        row.setOperation(record.operation().name());
        row.setPaymentId(record.payment().value());
        row.setRefundId(record.refund() == null ? null : record.refund().value());
        row.setCreatedAt(time(at));
        return row;
    }

    static PaymentsRecord paymentRow(Payment payment) {
        SaleRequest request = payment.request();
        PaymentsRecord row = new PaymentsRecord();
        row.setMerchantId(payment.merchant().value());
        row.setPaymentId(payment.id().value());
        row.setRequestId(request.request().value());
        row.setOutTradeNo(payment.id().value());
        row.setTerminalSn(request.terminal().value());
        Matcher batchTrace = BATCH_TRACE.matcher(request.request().value());
        if (batchTrace.matches()) {
            row.setBatchNo(Integer.parseInt(batchTrace.group(1)));
            row.setTraceNo(Integer.parseInt(batchTrace.group(2)));
        }
        row.setPaymentMethod(request.method().name());
        row.setChannel(request.method().channel().name());
        row.setState(payment.state().name());
        row.setAmountFen(request.amount().fen());
        row.setInstallments(request.installments().count());
        row.setInstallmentFeeBearer(request.installments().bearer().name());
        switch (request.instrument()) {
            case Instrument.ScannedCode scanned -> {
                row.setInstrumentKind("SCANNED_CODE");
                row.setInstrumentValue(scanned.code());
                row.setPaymentCodeMasked(PaymentCode.masked(scanned.code()));
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
        row.setFeeReturnedAcquirerFen(payment.feeReturned().acquirer().fen());
        row.setFeeReturnedInstallmentFen(payment.feeReturned().installment().fen());
        row.setRefundedFen(payment.refunded().fen());
        row.setRefundsPendingFen(payment.refundsPending().fen());
        row.setChannelTradeNo(payment.channelTradeNo() == null ? null : payment.channelTradeNo().value());
        row.setFundingSource(payment.fundingSource() == null ? null : payment.fundingSource().name());
        row.setFailureReason(payment.failure() == null ? null : payment.failure().reason().name());
        RawCode raw = payment.failure() != null ? payment.failure().raw() : lastRaw(payment.history());
        row.setRawChannelCode(raw == null ? null : raw.value());
        row.setReasonCodes(payment.verdict().isEmpty() ? null
                : payment.verdict().stream().map(reason -> reason.code().name()).collect(Collectors.joining(",")));
        row.setVerdict(payment.verdict().isEmpty() ? null : PaymentJson.verdict(payment.verdict()));
        row.setHistory(PaymentJson.history(payment.history()));
        row.setReversalReturnedMoney(payment.reversalReturnedMoney());
        row.setCreatedAt(time(payment.createdAt()));
        row.setUpdatedAt(time(payment.updatedAt()));
        row.setSucceededAt(time(payment.succeededAt()));
        row.setCompletedAt(time(completedAt(payment)));
        row.setSettledAt(time(payment.settledAt()));
        row.setRowVersion(Math.toIntExact(payment.version()));
        return row;
    }

    static Payment payment(PaymentsRecord row) {
        MerchantId merchant = new MerchantId(row.getMerchantId());
        PaymentMethod method = PaymentMethod.valueOf(row.getPaymentMethod());
        Money amount = Money.ofFen(row.getAmountFen());
        Instrument instrument = switch (row.getInstrumentKind()) {
            case "SCANNED_CODE" -> new Instrument.ScannedCode(row.getInstrumentValue());
            case "CARD_REFERENCE" -> new Instrument.CardReference(row.getInstrumentValue());
            default -> throw new IllegalStateException("payment " + row.getPaymentId() + " has an unknown instrument kind "
                    + row.getInstrumentKind());
        };
        SaleRequest request = new SaleRequest(merchant, new TerminalSn(row.getTerminalSn()), new RequestId(row.getRequestId()), method,
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
        RefundsRecord row = new RefundsRecord();
        row.setMerchantId(refund.merchant().value());
        row.setRefundId(refund.id().value());
        row.setPaymentId(refund.payment().value());
        row.setRequestId(refund.request().value());
        row.setOriginalRequestId(refund.original().value());
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
                new RequestId(row.getRequestId()), new RequestId(row.getOriginalRequestId()), RefundKind.valueOf(row.getKind()),
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
            if (step.to() != PaymentState.PROCESSING && step.to() != PaymentState.UNKNOWN) {
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
