package io.shoudan.store.audit;

import io.shoudan.merchant.MerchantId;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.schema.tables.records.AuditLogRecord;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import static io.shoudan.store.database.schema.Tables.AUDIT_LOG;

/**
 * The append-only audit trail: who changed what, when. Entries are listed newest first. Called
 * inside a {@link Database#inTransaction transaction}, an entry commits or rolls back with the
 * change it describes.
 */
public final class AuditLog {

    private static final int LIST_LIMIT_MAX = 1000;

    private final Database database;
    private final Clock clock;

    public AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Appends an entry stamped with the clock's now.
     *
     * @param merchantId {@code null} for a platform-wide change
     * @param detail     {@code null}: none
     */
    public AuditEntry append(Operator actor, AuditAction action, AuditSubject subject, MerchantId merchantId, String detail) {
        if (actor == null || action == null || subject == null) {
            throw new IllegalArgumentException("an audit entry needs actor, action and subject");
        }
        OffsetDateTime now = StoreTime.now(clock);
        Long id = database.dsl().insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.MERCHANT_ID, merchantId == null ? null : merchantId.value())
                .set(AUDIT_LOG.OCCURRED_AT, now)
                .set(AUDIT_LOG.ACTOR, actor.name())
                .set(AUDIT_LOG.ACTION, action.code())
                .set(AUDIT_LOG.SUBJECT, subject.toString())
                .set(AUDIT_LOG.DETAIL, detail)
                .returning(AUDIT_LOG.ENTRY_ID)
                .fetchOne(AUDIT_LOG.ENTRY_ID);
        if (id == null) {
            throw new IllegalStateException("the database returned no id for the new audit entry");
        }
        return new AuditEntry(new AuditEntryId(id), now, actor, action, subject, merchantId, detail);
    }

    /** The newest {@code limit} entries of the whole platform. */
    public List<AuditEntry> recent(int limit) {
        return list(DSL.noCondition(), limit);
    }

    /** The newest {@code limit} entries about one merchant. */
    public List<AuditEntry> forMerchant(MerchantId merchantId, int limit) {
        return list(AUDIT_LOG.MERCHANT_ID.eq(merchantId.value()), limit);
    }

    /** The newest {@code limit} entries about one subject, e.g. every change of {@code policy:3}. */
    public List<AuditEntry> forSubject(AuditSubject subject, int limit) {
        return list(AUDIT_LOG.SUBJECT.eq(subject.toString()), limit);
    }

    /** The newest {@code limit} entries whose subject is of one kind, e.g. every {@code policy} change. */
    public List<AuditEntry> forSubjectKind(String kind, int limit) {
        return list(AUDIT_LOG.SUBJECT.startsWith(kind + ":"), limit);
    }

    private List<AuditEntry> list(Condition condition, int limit) {
        if (limit < 1 || limit > LIST_LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + LIST_LIMIT_MAX + ", got " + limit);
        }
        return database.dsl().selectFrom(AUDIT_LOG)
                .where(condition)
                .orderBy(AUDIT_LOG.ENTRY_ID.desc())
                .limit(limit)
                .fetch(AuditLog::toEntry);
    }

    private static AuditEntry toEntry(AuditLogRecord row) {
        return new AuditEntry(
                new AuditEntryId(row.getEntryId()),
                StoreTime.fromDatabase(row.getOccurredAt()),
                new Operator(row.getActor()),
                new AuditAction(row.getAction()),
                AuditSubject.parse(row.getSubject()),
                row.getMerchantId() == null ? null : new MerchantId(row.getMerchantId()),
                row.getDetail());
    }
}
