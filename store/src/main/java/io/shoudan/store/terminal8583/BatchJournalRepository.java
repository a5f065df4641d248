package io.shoudan.store.terminal8583;

import io.shoudan.money.Money;
import io.shoudan.payment.RequestId;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TraceNo;

import java.time.Clock;
import java.util.List;

import static io.shoudan.store.database.schema.Tables.BATCH_JOURNAL;

/**
 * The terminal endpoint's batch journal: approved sales, voids and refunds keyed by (terminal, batch, trace),
 * insert-if-absent, so a repeated request (the terminal re-sent after a timeout) records nothing new.
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
}
