package io.shoudan.store.payment;

import io.shoudan.ledger.Journal;
import io.shoudan.ledger.Posting;
import io.shoudan.payment.IdempotencyRecord;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentState;
import io.shoudan.store.database.BackfillMerchantUsage;
import io.shoudan.store.database.SqlBatch;
import io.shoudan.store.database.SqlValue;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.schema.tables.records.IdempotencyKeysRecord;
import io.shoudan.store.database.schema.tables.records.PaymentsRecord;
import io.shoudan.store.database.schema.tables.records.RefundsRecord;
import org.jooq.Field;
import org.jooq.TableField;
import org.jooq.TableRecord;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static io.shoudan.store.database.schema.Tables.IDEMPOTENCY_KEYS;
import static io.shoudan.store.database.schema.Tables.LEDGER_JOURNALS;
import static io.shoudan.store.database.schema.Tables.LEDGER_POSTINGS;
import static io.shoudan.store.database.schema.Tables.PAYMENTS;
import static io.shoudan.store.database.schema.Tables.REFUNDS;

/**
 * The SQL of a sale's hot path, as text written once and bound by position: a sale writes twice and
 * jOOQ rendering each statement anew cost more JVM time than everything else in a sale together
 * (docs/BENCHMARKS.md, "Durable sales"). The column lists come from the generated schema classes, so
 * a renamed column still fails to compile rather than at run time; the rest of the store uses jOOQ.
 */
final class PaymentSql {

    private PaymentSql() {
    }

    static final String FIND_KEY = "SELECT operation, payment_id, refund_id FROM idempotency_keys"
            + " WHERE merchant_id = ? AND request_key = ?";

    private static final List<TableField<IdempotencyKeysRecord, ?>> KEY_COLUMNS = List.of(IDEMPOTENCY_KEYS.MERCHANT_ID,
            IDEMPOTENCY_KEYS.REQUEST_KEY, IDEMPOTENCY_KEYS.OPERATION, IDEMPOTENCY_KEYS.PAYMENT_ID, IDEMPOTENCY_KEYS.REFUND_ID,
            IDEMPOTENCY_KEYS.CREATED_AT);

    /** Claims a request id; on conflict writes nothing (update count 0). H2 in PostgreSQL mode reads it too. */
    static final String CLAIM_KEY = "INSERT INTO idempotency_keys (" + names(KEY_COLUMNS) + ") VALUES (" + marks(KEY_COLUMNS.size())
            + ") ON CONFLICT DO NOTHING";

    /** A VOID/REFUND key that names this refund. */
    private static final String REFUND_KEY_IS_OURS = "EXISTS (SELECT 1 FROM idempotency_keys WHERE merchant_id = ?"
            + " AND request_key = ? AND refund_id = ?)";

    private static final List<Field<?>> PAYMENT_COLUMNS = List.of(PAYMENTS.fields());
    private static final List<Field<?>> REFUND_COLUMNS = List.of(REFUNDS.fields());

    static final String INSERT_REFUND_IF_KEY_IS_OURS = "INSERT INTO refunds (" + names(REFUND_COLUMNS) + ") SELECT "
            + typedMarks(REFUND_COLUMNS) + " WHERE " + REFUND_KEY_IS_OURS;

    static final String INSERT_PAYMENT = "INSERT INTO payments (" + names(PAYMENT_COLUMNS) + ") VALUES ("
            + marks(PAYMENT_COLUMNS.size()) + ")";

    /**
     * PostgreSQL: a payment's insert as one statement of data-modifying CTEs, one round trip that is its
     * own transaction — claim the key ({@code ON CONFLICT DO NOTHING}), then the payment and, when
     * {@code counted}, its amount added to its day's usage, each only if the claim wrote the key: a
     * retry racing the first request waits for it, claims nothing and writes nothing. The statement
     * answers the number of keys claimed, 0 when the key was already taken.
     */
    static String insertInOneStatement(boolean counted) {
        return counted ? INSERT_COUNTED : INSERT_NOT_COUNTED;
    }

    private static final String INSERT_COUNTED = insertStatement(true);
    private static final String INSERT_NOT_COUNTED = insertStatement(false);

    private static String insertStatement(boolean counted) {
        StringBuilder sql = new StringBuilder("WITH claimed AS (").append(CLAIM_KEY).append(" RETURNING 1)")
                .append(", payment AS (INSERT INTO payments (").append(names(PAYMENT_COLUMNS)).append(") SELECT ")
                .append(typedMarks(PAYMENT_COLUMNS)).append(" WHERE EXISTS (SELECT 1 FROM claimed))");
        if (counted) {
            sql.append(", usage AS (INSERT INTO merchant_usage_daily (merchant_id, payment_method, business_day, amount_fen)")
                    .append(" SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS DATE), CAST(? AS BIGINT)")
                    .append(" WHERE EXISTS (SELECT 1 FROM claimed)")
                    .append(" ON CONFLICT (merchant_id, payment_method, business_day)")
                    .append(" DO UPDATE SET amount_fen = merchant_usage_daily.amount_fen + EXCLUDED.amount_fen)");
        }
        return sql.append(" SELECT COUNT(*) FROM claimed").toString();
    }

    /** The values of {@link #insertInOneStatement}, in its order: the key, the payment's row, its usage when counted. */
    static List<Object> insertInOneStatementValues(IdempotencyKeysRecord key, PaymentsRecord row, Payment payment, boolean counted) {
        List<Object> values = keyValues(key);
        values.addAll(paymentValues(row));
        if (counted) {
            values.addAll(usageValues(payment, businessDay(payment)));
        }
        return values;
    }

    /**
     * The columns a payment's changes can touch; the request, the fee quote, the verdict and the
     * creation time are written once by the insert and never again.
     */
    private static final List<Field<?>> MUTABLE = List.of(PAYMENTS.STATE, PAYMENTS.REFUNDED_FEN, PAYMENTS.REFUNDS_PENDING_FEN,
            PAYMENTS.FEE_RETURNED_ACQUIRER_FEN, PAYMENTS.FEE_RETURNED_INSTALLMENT_FEN, PAYMENTS.CHANNEL_TRADE_NO,
            PAYMENTS.FUNDING_SOURCE, PAYMENTS.FAILURE_REASON, PAYMENTS.RAW_CHANNEL_CODE, PAYMENTS.HISTORY,
            PAYMENTS.REVERSAL_RETURNED_MONEY, PAYMENTS.UPDATED_AT, PAYMENTS.SUCCEEDED_AT, PAYMENTS.COMPLETED_AT,
            PAYMENTS.SETTLED_AT, PAYMENTS.ROW_VERSION);

    /** The versioned write: {@code row_version = n} only over {@code n − 1}. */
    static final String UPDATE_PAYMENT = "UPDATE payments SET "
            + MUTABLE.stream().map(field -> field.getName() + " = ?").collect(Collectors.joining(", "))
            + " WHERE merchant_id = ? AND payment_id = ? AND row_version = ?";

    // ------------------------------------------------------------ usage (merchant_usage_daily)

    static final String ADD_USAGE = "UPDATE merchant_usage_daily SET amount_fen = amount_fen + ?"
            + " WHERE merchant_id = ? AND payment_method = ? AND business_day = ?";

    static final String INSERT_USAGE = "INSERT INTO merchant_usage_daily (merchant_id, payment_method, business_day, amount_fen)"
            + " VALUES (?, ?, ?, ?)";

    /**
     * Gives a payment's amount back to its day's usage when it leaves the counted states, which it can
     * only do for a final state ({@link PaymentState#countsAsUsage}): the stored version the write
     * replaces is read in the same statement, so a write that changes nothing about usage (a final
     * payment written again) gives nothing back, and a stale write is rolled back with the rest.
     */
    static final String RELEASE_USAGE = "UPDATE merchant_usage_daily SET amount_fen = amount_fen - ?"
            + " WHERE merchant_id = ? AND payment_method = ? AND business_day = ?"
            + " AND EXISTS (SELECT 1 FROM payments WHERE merchant_id = ? AND payment_id = ? AND row_version = ?"
            + " AND state IN (" + BackfillMerchantUsage.COUNTED_STATES + "))";

    // ------------------------------------------------------------ values

    static List<Object> keyValues(IdempotencyKeysRecord row) {
        return values(row, KEY_COLUMNS);
    }

    /** The refund's row followed by the values of its key condition. */
    static List<Object> refundIfKeyIsOurs(RefundsRecord row, IdempotencyRecord record) {
        List<Object> values = values(row, REFUND_COLUMNS);
        values.addAll(List.of(record.key().merchant().value(), record.key().request().value(), record.refund().value()));
        return values;
    }

    static List<Object> paymentValues(PaymentsRecord row) {
        return values(row, PAYMENT_COLUMNS);
    }

    /** For {@link #UPDATE_PAYMENT}: the mutable columns ({@link JooqPaymentStore#mutableRow}), then the row's key and version. */
    static List<Object> updateValues(Payment payment) {
        List<Object> values = values(JooqPaymentStore.mutableRow(payment), MUTABLE);
        values.add(payment.merchant().value());
        values.add(payment.id().value());
        values.add(Math.toIntExact(payment.version() - 1));
        return values;
    }

    /** For {@link #ADD_USAGE}: the amount first, then the row's key. */
    static List<Object> addUsageValues(Payment payment, LocalDate businessDay) {
        return List.of(payment.amount().fen(), payment.merchant().value(), payment.request().method().name(), businessDay);
    }

    /** For {@link #INSERT_USAGE}. */
    static List<Object> usageValues(Payment payment, LocalDate businessDay) {
        return List.of(payment.merchant().value(), payment.request().method().name(), businessDay, payment.amount().fen());
    }

    static List<Object> releaseValues(Payment payment) {
        return List.of(payment.amount().fen(), payment.merchant().value(), payment.request().method().name(), businessDay(payment),
                payment.merchant().value(), payment.id().value(), Math.toIntExact(payment.version() - 1));
    }

    /** The business day whose usage a payment counts in: the Beijing date it was created. */
    static LocalDate businessDay(Payment payment) {
        return payment.createdAt().atZone(PaymentService.BUSINESS_ZONE).toLocalDate();
    }

    private static List<Object> values(TableRecord<?> row, List<? extends Field<?>> columns) {
        List<Object> values = new ArrayList<>(columns.size() + 3);
        for (Field<?> column : columns) {
            values.add(SqlValue.orNull(row.get(column), column.getType()));
        }
        return values;
    }

    // ------------------------------------------------------------ journals

    private static final List<Field<?>> JOURNAL_COLUMNS = List.of(LEDGER_JOURNALS.MERCHANT_ID, LEDGER_JOURNALS.JOURNAL_ID,
            LEDGER_JOURNALS.KIND, LEDGER_JOURNALS.PAYMENT_ID, LEDGER_JOURNALS.REFUND_ID, LEDGER_JOURNALS.CREATED_AT);
    private static final List<Field<?>> POSTING_COLUMNS = List.of(LEDGER_POSTINGS.MERCHANT_ID, LEDGER_POSTINGS.JOURNAL_ID,
            LEDGER_POSTINGS.POSTING_NO, LEDGER_POSTINGS.ACCOUNT, LEDGER_POSTINGS.AMOUNT_FEN, LEDGER_POSTINGS.CREATED_AT);
    private static final String JOURNAL_ROW = "(" + marks(JOURNAL_COLUMNS.size()) + ")";
    private static final String POSTING_ROW = "(" + marks(POSTING_COLUMNS.size()) + ")";
    private static final String INSERT_JOURNALS = "INSERT INTO ledger_journals (" + names(JOURNAL_COLUMNS) + ") VALUES ";
    private static final String INSERT_POSTINGS = "INSERT INTO ledger_postings (" + names(POSTING_COLUMNS) + ") VALUES ";

    /** Adds one multi-row insert of the journals and one of their postings (numbered from 1); nothing when there are none. */
    static void addJournals(SqlBatch batch, List<Journal> journals) {
        if (journals.isEmpty()) {
            return;
        }
        JournalRows rows = JournalRows.of(journals);
        batch.add(INSERT_JOURNALS + rows(rows.journals(), JOURNAL_ROW), rows.journalValues());
        batch.add(INSERT_POSTINGS + rows(rows.postings(), POSTING_ROW), rows.postingValues());
    }

    /** The values of the journals' rows and of their postings' rows (numbered from 1 in each journal), six per row. */
    record JournalRows(List<Object> journalValues, List<Object> postingValues) {

        static JournalRows of(List<Journal> journals) {
            List<Object> journalValues = new ArrayList<>();
            List<Object> postingValues = new ArrayList<>();
            for (Journal journal : journals) {
                OffsetDateTime postedAt = StoreTime.toDatabase(journal.postedAt().atOffset(ZoneOffset.UTC));
                String merchant = journal.merchant().value();
                journalValues.addAll(List.of(merchant, journal.id().value(), journal.kind().name(), journal.payment().value(),
                        SqlValue.orNull(journal.adjustment() == null ? null : journal.adjustment().value(), String.class), postedAt));
                int postingNo = 1;
                for (Posting posting : journal.postings()) {
                    postingValues.addAll(List.of(merchant, journal.id().value(), postingNo++, posting.account().code(),
                            posting.amount().fen(), postedAt));
                }
            }
            return new JournalRows(journalValues, postingValues);
        }

        int journals() {
            return journalValues.size() / 6;
        }

        int postings() {
            return postingValues.size() / 6;
        }
    }

    // ------------------------------------------------------------ PostgreSQL: a payment's write as one statement

    private static final String JOURNAL_ROW_TYPED = "(" + typedMarks(JOURNAL_COLUMNS) + ")";
    private static final String POSTING_ROW_TYPED = "(" + typedMarks(POSTING_COLUMNS) + ")";

    /**
     * PostgreSQL: a payment's versioned update, the usage it gives back ({@link #RELEASE_USAGE}, when
     * {@code release}) and the journals it books, as one statement of data-modifying CTEs — one round
     * trip that is its own transaction. Everything but the update is conditional on the update having
     * written a row, and every part sees the stored row as it was before the statement (the version
     * the release compares with). The statement answers the number of payment rows updated: 0 means
     * another writer won and nothing was written.
     */
    static String updateInOneStatement(boolean release, int journals, int postings) {
        StringBuilder sql = new StringBuilder("WITH updated AS (").append(UPDATE_PAYMENT).append(" RETURNING 1)");
        if (release) {
            sql.append(", released AS (").append(RELEASE_USAGE).append(" AND EXISTS (SELECT 1 FROM updated) RETURNING 1)");
        }
        if (journals > 0) {
            sql.append(", journals AS (").append(INSERT_JOURNALS, 0, INSERT_JOURNALS.length() - " VALUES ".length())
                    .append(" SELECT * FROM (VALUES ").append(rows(journals, JOURNAL_ROW_TYPED))
                    .append(") AS j WHERE EXISTS (SELECT 1 FROM updated) RETURNING 1)");
            sql.append(", postings AS (").append(INSERT_POSTINGS, 0, INSERT_POSTINGS.length() - " VALUES ".length())
                    .append(" SELECT * FROM (VALUES ").append(rows(postings, POSTING_ROW_TYPED))
                    .append(") AS p WHERE EXISTS (SELECT 1 FROM updated) RETURNING 1)");
        }
        return sql.append(" SELECT COUNT(*) FROM updated").toString();
    }

    /** The values of {@link #updateInOneStatement}, in its order. */
    static List<Object> updateInOneStatementValues(Payment payment, boolean release, JournalRows journals) {
        List<Object> values = updateValues(payment);
        if (release) {
            values.addAll(releaseValues(payment));
        }
        values.addAll(journals.journalValues());
        values.addAll(journals.postingValues());
        return values;
    }

    private static String rows(int count, String row) {
        return String.join(", ", java.util.Collections.nCopies(count, row));
    }

    private static String names(List<? extends Field<?>> columns) {
        return columns.stream().map(Field::getName).collect(Collectors.joining(", "));
    }

    /** {@code CAST(? AS type), …} for the columns ({@link SqlValue#typedMark}). */
    private static String typedMarks(List<? extends Field<?>> columns) {
        return columns.stream().map(column -> SqlValue.typedMark(column.getType())).collect(Collectors.joining(", "));
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
