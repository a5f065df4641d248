package io.shoudan.store.terminal8583;

import io.shoudan.merchant.MerchantId;
import io.shoudan.money.Money;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RequestId;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TraceNo;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import static io.shoudan.store.database.schema.Tables.BATCH_JOURNAL;
import static io.shoudan.store.database.schema.Tables.PAYMENTS;

/**
 * The terminal endpoint's batch journal: approved sales, voids and refunds keyed by (terminal, batch, trace),
 * insert-if-absent, so a repeated request (the terminal re-sent after a timeout) records nothing new. A sale's
 * entry finds its payment by the merchant and the request id ({@code uq_payments_request}), in the same query.
 */
public final class BatchJournalRepository {

    private final Database database;
    private final Clock clock;

    public BatchJournalRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** @return true when the entry was new; false when (terminal, batch, trace) was already recorded (kept as it was) */
    public boolean record(BatchEntry entry) {
        return database.dsl().insertInto(BATCH_JOURNAL)
                .set(BATCH_JOURNAL.TERMINAL_SN, entry.terminal().value())
                .set(BATCH_JOURNAL.BATCH_NO, entry.batchNo())
                .set(BATCH_JOURNAL.TRACE_NO, entry.traceNo())
                .set(BATCH_JOURNAL.KIND, entry.kind().name())
                .set(BATCH_JOURNAL.AMOUNT_FEN, entry.amount().fen())
                .set(BATCH_JOURNAL.REQUEST_ID, entry.request().value())
                .set(BATCH_JOURNAL.TERMINAL_ID, entry.request().terminal().value())
                .set(BATCH_JOURNAL.RECORDED_AT, StoreTime.now(clock))
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** The batch's entries in trace order. */
    public List<BatchEntry> entries(TerminalSn terminal, int batchNo) {
        return database.dsl().selectFrom(BATCH_JOURNAL)
                .where(BATCH_JOURNAL.TERMINAL_SN.eq(terminal.value()), BATCH_JOURNAL.BATCH_NO.eq(batchNo))
                .orderBy(BATCH_JOURNAL.TRACE_NO)
                .fetch(r -> new BatchEntry(new TerminalSn(r.getTerminalSn()), r.getBatchNo(), r.getTraceNo(),
                        BatchEntry.Kind.valueOf(r.getKind()), Money.ofFen(r.getAmountFen()), new RequestId.Terminal(new TerminalId(r.getTerminalId()),
                                new BatchNo(r.getBatchNo()), new TraceNo(r.getTraceNo()))));
    }

    /**
     * The batch's entries summed by kind and, for sales, by their payment's state: one query, whatever the batch's
     * size, for the settlement totals (0500). Ordered by kind, then state (a sale without its payment last).
     */
    public List<BatchSum> sums(TerminalSn terminal, MerchantId merchant, int batchNo) {
        Field<Integer> count = DSL.count();
        Field<BigDecimal> amount = DSL.sum(BATCH_JOURNAL.AMOUNT_FEN);
        return database.dsl().select(BATCH_JOURNAL.KIND, PAYMENTS.STATE, count, amount)
                .from(BATCH_JOURNAL)
                .leftJoin(PAYMENTS).on(saleOf(merchant))
                .where(BATCH_JOURNAL.TERMINAL_SN.eq(terminal.value()), BATCH_JOURNAL.BATCH_NO.eq(batchNo))
                .groupBy(BATCH_JOURNAL.KIND, PAYMENTS.STATE)
                .orderBy(BATCH_JOURNAL.KIND, PAYMENTS.STATE.asc().nullsLast())
                .fetch(r -> new BatchSum(BatchEntry.Kind.valueOf(r.value1()), r.value2() == null ? null : PaymentState.valueOf(r.value2()),
                        r.value3(), Money.ofFen(r.value4().longValueExact())));
    }

    /** The batch's entries in trace order, each sale with its payment's id, state and whether it is settled: one query. */
    public List<BatchLine> lines(TerminalSn terminal, MerchantId merchant, int batchNo) {
        return database.dsl().select(BATCH_JOURNAL.fields())
                .select(PAYMENTS.PAYMENT_ID, PAYMENTS.STATE, PAYMENTS.SETTLED_AT)
                .from(BATCH_JOURNAL)
                .leftJoin(PAYMENTS).on(saleOf(merchant))
                .where(BATCH_JOURNAL.TERMINAL_SN.eq(terminal.value()), BATCH_JOURNAL.BATCH_NO.eq(batchNo))
                .orderBy(BATCH_JOURNAL.TRACE_NO)
                .fetch(r -> new BatchLine(entryOf(r), r.get(PAYMENTS.PAYMENT_ID) == null ? null : new PaymentId(r.get(PAYMENTS.PAYMENT_ID)),
                        r.get(PAYMENTS.STATE) == null ? null : PaymentState.valueOf(r.get(PAYMENTS.STATE)), r.get(PAYMENTS.SETTLED_AT) != null));
    }

    /** A sale entry's payment: the merchant's payment with the entry's request id. Voids and refunds join nothing. */
    private static Condition saleOf(MerchantId merchant) {
        return BATCH_JOURNAL.KIND.eq(BatchEntry.Kind.SALE.name())
                .and(PAYMENTS.MERCHANT_ID.eq(merchant.value()))
                .and(PAYMENTS.REQUEST_ID.eq(BATCH_JOURNAL.REQUEST_ID));
    }

    private static BatchEntry entryOf(Record r) {
        int batchNo = r.get(BATCH_JOURNAL.BATCH_NO);
        int traceNo = r.get(BATCH_JOURNAL.TRACE_NO);
        return new BatchEntry(new TerminalSn(r.get(BATCH_JOURNAL.TERMINAL_SN)), batchNo, traceNo,
                BatchEntry.Kind.valueOf(r.get(BATCH_JOURNAL.KIND)), Money.ofFen(r.get(BATCH_JOURNAL.AMOUNT_FEN)),
                new RequestId.Terminal(new TerminalId(r.get(BATCH_JOURNAL.TERMINAL_ID)), new BatchNo(batchNo), new TraceNo(traceNo)));
    }
}
