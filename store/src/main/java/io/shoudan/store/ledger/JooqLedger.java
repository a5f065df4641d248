package io.shoudan.store.ledger;

import io.shoudan.ledger.Account;
import io.shoudan.ledger.Journal;
import io.shoudan.ledger.JournalId;
import io.shoudan.ledger.JournalKind;
import io.shoudan.ledger.Posting;
import io.shoudan.merchant.MerchantId;
import io.shoudan.money.Money;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.RefundId;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.shoudan.store.database.schema.Tables.LEDGER_JOURNALS;
import static io.shoudan.store.database.schema.Tables.LEDGER_POSTINGS;

/**
 * Reads the double-entry ledger in {@code ledger_journals} and {@code ledger_postings}. Journals are
 * written only by the payment store ({@code io.shoudan.store.payment.JooqPaymentStore}), in the same
 * transaction and JDBC batch as the state change they book, and never changed; the primary key
 * {@code (merchant_id, journal_id)} turns a second booking of the same movement into a failure of the
 * whole transaction. A journal read back is checked again by {@link Journal}'s constructor, so an
 * unbalanced row cannot be read as a journal.
 */
public final class JooqLedger {

    private static final int STREAM_FETCH_SIZE = 500;

    private final Database database;

    public JooqLedger(Database database) {
        this.database = database;
    }

    /** The journals of one payment (its own and its refunds'), in the order they were booked. */
    public List<Journal> journalsOf(PaymentId payment) {
        List<Journal> journals = new ArrayList<>();
        try (Cursor<Record> rows = rows(database.dsl())
                .where(LEDGER_JOURNALS.PAYMENT_ID.eq(payment.value()))
                .orderBy(LEDGER_JOURNALS.ENTRY_NO, LEDGER_POSTINGS.POSTING_NO).fetchLazy()) {
            group(rows, journals::add);
        }
        return journals;
    }

    /**
     * Streams every journal to {@code action} with a database cursor ({@value #STREAM_FETCH_SIZE} rows
     * at a time), never holding the whole ledger in memory. Runs in one read transaction, which
     * PostgreSQL needs for a cursor and which gives the ledger check one consistent picture.
     */
    public void forEachJournal(Consumer<Journal> action) {
        database.inTransactionDo(dsl -> {
            // The postings' primary key order: an index scan, no sort of the whole ledger.
            try (Cursor<Record> rows = rows(dsl)
                    .orderBy(LEDGER_POSTINGS.MERCHANT_ID, LEDGER_POSTINGS.JOURNAL_ID, LEDGER_POSTINGS.POSTING_NO)
                    .fetchSize(STREAM_FETCH_SIZE).fetchLazy()) {
                group(rows, action);
            }
        });
    }

    /** At most this many rows of each kind are quoted; the ledger check quotes five. */
    private static final int UNATTACHED_EXAMPLES = 6;

    /**
     * Postings whose journal is missing and journals without postings — what {@link #forEachJournal}
     * (a join) cannot show. No foreign key forbids them since V6 (a sale writes both in one statement),
     * so the ledger check asks.
     */
    public List<String> unattachedRows() {
        List<String> rows = new ArrayList<>();
        DSLContext dsl = database.dsl();
        var journal = LEDGER_JOURNALS.MERCHANT_ID.eq(LEDGER_POSTINGS.MERCHANT_ID).and(LEDGER_JOURNALS.JOURNAL_ID.eq(LEDGER_POSTINGS.JOURNAL_ID));
        dsl.select(LEDGER_POSTINGS.MERCHANT_ID, LEDGER_POSTINGS.JOURNAL_ID, LEDGER_POSTINGS.POSTING_NO).from(LEDGER_POSTINGS)
                .whereNotExists(dsl.selectOne().from(LEDGER_JOURNALS).where(journal))
                .orderBy(LEDGER_POSTINGS.MERCHANT_ID, LEDGER_POSTINGS.JOURNAL_ID, LEDGER_POSTINGS.POSTING_NO)
                .limit(UNATTACHED_EXAMPLES)
                .forEach(row -> rows.add("posting " + row.value1() + "/" + row.value2() + "#" + row.value3() + " has no journal"));
        dsl.select(LEDGER_JOURNALS.MERCHANT_ID, LEDGER_JOURNALS.JOURNAL_ID).from(LEDGER_JOURNALS)
                .whereNotExists(dsl.selectOne().from(LEDGER_POSTINGS).where(journal))
                .orderBy(LEDGER_JOURNALS.MERCHANT_ID, LEDGER_JOURNALS.JOURNAL_ID)
                .limit(UNATTACHED_EXAMPLES)
                .forEach(row -> rows.add("journal " + row.value1() + "/" + row.value2() + " has no postings"));
        return rows;
    }

    private static final List<Field<?>> COLUMNS = List.of(LEDGER_JOURNALS.MERCHANT_ID, LEDGER_JOURNALS.JOURNAL_ID,
            LEDGER_JOURNALS.KIND, LEDGER_JOURNALS.PAYMENT_ID, LEDGER_JOURNALS.REFUND_ID, LEDGER_JOURNALS.CREATED_AT,
            LEDGER_POSTINGS.POSTING_NO, LEDGER_POSTINGS.ACCOUNT, LEDGER_POSTINGS.AMOUNT_FEN);

    private static SelectOnConditionStep<Record> rows(DSLContext dsl) {
        return dsl.select(COLUMNS)
                .from(LEDGER_JOURNALS)
                .join(LEDGER_POSTINGS).on(LEDGER_POSTINGS.MERCHANT_ID.eq(LEDGER_JOURNALS.MERCHANT_ID),
                        LEDGER_POSTINGS.JOURNAL_ID.eq(LEDGER_JOURNALS.JOURNAL_ID));
    }

    /** Folds consecutive rows of one journal (rows arrive ordered by journal, then posting) into journals. */
    private static void group(Cursor<Record> rows, Consumer<Journal> action) {
        Record head = null;
        List<Posting> postings = new ArrayList<>();
        for (Record row : rows) {
            if (head != null && !(head.get(LEDGER_JOURNALS.MERCHANT_ID).equals(row.get(LEDGER_JOURNALS.MERCHANT_ID))
                    && head.get(LEDGER_JOURNALS.JOURNAL_ID).equals(row.get(LEDGER_JOURNALS.JOURNAL_ID)))) {
                action.accept(journal(head, postings));
                postings = new ArrayList<>();
            }
            if (head == null || postings.isEmpty()) {
                head = row;
            }
            postings.add(new Posting(Account.parse(row.get(LEDGER_POSTINGS.ACCOUNT)), Money.ofFen(row.get(LEDGER_POSTINGS.AMOUNT_FEN))));
        }
        if (head != null) {
            action.accept(journal(head, postings));
        }
    }

    private static Journal journal(Record head, List<Posting> postings) {
        String refund = head.get(LEDGER_JOURNALS.REFUND_ID);
        return new Journal(new JournalId(head.get(LEDGER_JOURNALS.JOURNAL_ID)), JournalKind.valueOf(head.get(LEDGER_JOURNALS.KIND)),
                new MerchantId(head.get(LEDGER_JOURNALS.MERCHANT_ID)), new PaymentId(head.get(LEDGER_JOURNALS.PAYMENT_ID)),
                refund == null ? null : new RefundId(refund), StoreTime.fromDatabase(head.get(LEDGER_JOURNALS.CREATED_AT)).toInstant(),
                postings);
    }
}
