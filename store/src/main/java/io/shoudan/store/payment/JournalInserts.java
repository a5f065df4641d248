package io.shoudan.store.payment;

import io.shoudan.ledger.Journal;
import io.shoudan.ledger.Posting;
import io.shoudan.store.database.StoreTime;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep6;
import org.jooq.Query;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.shoudan.store.database.schema.Tables.LEDGER_JOURNALS;
import static io.shoudan.store.database.schema.Tables.LEDGER_POSTINGS;

/**
 * The statements that append journals: two multi-row inserts (journals, then postings), whatever the
 * number of journals, sent in the batch of the state change they book. Reading them back is
 * {@code io.shoudan.store.ledger.JooqLedger}'s job.
 */
final class JournalInserts {

    private JournalInserts() {
    }

    /** The inserts that write {@code journals} and their postings, numbered from 1; none when empty. */
    static List<Query> inserts(DSLContext dsl, List<Journal> journals) {
        if (journals.isEmpty()) {
            return List.of();
        }
        var journalRows = dsl.insertInto(LEDGER_JOURNALS, LEDGER_JOURNALS.MERCHANT_ID, LEDGER_JOURNALS.JOURNAL_ID,
                LEDGER_JOURNALS.KIND, LEDGER_JOURNALS.PAYMENT_ID, LEDGER_JOURNALS.REFUND_ID, LEDGER_JOURNALS.CREATED_AT);
        InsertValuesStep6<?, String, String, String, String, String, OffsetDateTime> journalValues = null;
        var postingRows = dsl.insertInto(LEDGER_POSTINGS, LEDGER_POSTINGS.MERCHANT_ID, LEDGER_POSTINGS.JOURNAL_ID,
                LEDGER_POSTINGS.POSTING_NO, LEDGER_POSTINGS.ACCOUNT, LEDGER_POSTINGS.AMOUNT_FEN, LEDGER_POSTINGS.CREATED_AT);
        InsertValuesStep6<?, String, String, Integer, String, Long, OffsetDateTime> postingValues = null;
        for (Journal journal : journals) {
            OffsetDateTime postedAt = StoreTime.toDatabase(journal.postedAt().atOffset(ZoneOffset.UTC));
            String merchant = journal.merchant().value();
            journalValues = (journalValues == null ? journalRows : journalValues).values(merchant, journal.id().value(),
                    journal.kind().name(), journal.payment().value(),
                    journal.adjustment() == null ? null : journal.adjustment().value(), postedAt);
            int postingNo = 1;
            for (Posting posting : journal.postings()) {
                postingValues = (postingValues == null ? postingRows : postingValues).values(merchant, journal.id().value(),
                        postingNo++, posting.account().code(), posting.amount().fen(), postedAt);
            }
        }
        return List.of(journalValues, postingValues);
    }

}
