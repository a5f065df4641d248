package io.shoudan.store.policy;

import io.shoudan.store.audit.AuditAction;
import io.shoudan.store.audit.AuditLog;
import io.shoudan.store.audit.AuditSubject;
import io.shoudan.store.audit.Operator;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.schema.tables.records.PolicyActiveRecord;
import io.shoudan.store.database.schema.tables.records.PolicyVersionsRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static io.shoudan.store.database.schema.Tables.POLICY_ACTIVE;
import static io.shoudan.store.database.schema.Tables.POLICY_VERSIONS;

/**
 * The versioned eligibility policy. Versions are never changed or deleted; one of them is active.
 * Saving a version makes it active; an older version can be activated again (a rollback). Every
 * save and activation writes an audit entry in the same transaction.
 *
 * <p>Concurrent saves are serialised by locking the single {@code policy_active} row, so version
 * numbers are consecutive and each save sees the one before it.
 */
public final class PolicyVersionRepository {

    private static final int HISTORY_LIMIT_MAX = 1000;

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;

    public PolicyVersionRepository(Database database, AuditLog auditLog, Clock clock) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Stores {@code document} as the next version and makes it the active one.
     *
     * @param document the policy JSON, already validated by the caller
     */
    public PolicyVersion saveAndActivate(String document, Operator author, String comment) {
        return database.inTransaction(dsl -> {
            lockActive(dsl);
            Long newest = dsl.select(DSL.max(POLICY_VERSIONS.POLICY_VERSION)).from(POLICY_VERSIONS).fetchOne().value1();
            PolicyVersionNumber number = newest == null ? new PolicyVersionNumber(1) : new PolicyVersionNumber(newest).next();
            OffsetDateTime now = StoreTime.now(clock);
            PolicyVersion version = new PolicyVersion(number, document, now, author, comment);
            dsl.insertInto(POLICY_VERSIONS)
                    .set(POLICY_VERSIONS.POLICY_VERSION, number.value())
                    .set(POLICY_VERSIONS.DOCUMENT, document)
                    .set(POLICY_VERSIONS.CREATED_AT, now)
                    .set(POLICY_VERSIONS.AUTHOR, author.name())
                    .set(POLICY_VERSIONS.CHANGE_COMMENT, comment)
                    .execute();
            point(dsl, number, now);
            auditLog.append(author, AuditAction.POLICY_VERSION_SAVED, subject(number), null, comment);
            return version;
        });
    }

    /**
     * Makes an existing version the active one again.
     *
     * @throws IllegalArgumentException when there is no such version
     */
    public PolicyVersion activate(PolicyVersionNumber number, Operator by, String comment) {
        return database.inTransaction(dsl -> {
            lockActive(dsl);
            PolicyVersion version = find(dsl, number).orElseThrow(() ->
                    new IllegalArgumentException("no policy version " + number + " / 策略版本不存在: " + number));
            point(dsl, number, StoreTime.now(clock));
            auditLog.append(by, AuditAction.POLICY_VERSION_ACTIVATED, subject(number), null, comment);
            return version;
        });
    }

    /** The version in force, or empty before the first save. */
    public Optional<PolicyVersion> active() {
        return database.inTransaction(dsl -> {
            Long number = dsl.select(POLICY_ACTIVE.POLICY_VERSION).from(POLICY_ACTIVE).fetchOne(POLICY_ACTIVE.POLICY_VERSION);
            return number == null ? Optional.<PolicyVersion>empty() : find(dsl, new PolicyVersionNumber(number));
        });
    }

    public Optional<PolicyVersion> find(PolicyVersionNumber number) {
        return find(database.dsl(), number);
    }

    /** The newest {@code limit} versions, newest first. */
    public List<PolicyVersion> history(int limit) {
        if (limit < 1 || limit > HISTORY_LIMIT_MAX) {
            throw new IllegalArgumentException("limit must be 1.." + HISTORY_LIMIT_MAX + ", got " + limit);
        }
        return database.dsl().selectFrom(POLICY_VERSIONS)
                .orderBy(POLICY_VERSIONS.POLICY_VERSION.desc())
                .limit(limit)
                .fetch(PolicyVersionRepository::toVersion);
    }

    private static Optional<PolicyVersion> find(DSLContext dsl, PolicyVersionNumber number) {
        return dsl.selectFrom(POLICY_VERSIONS)
                .where(POLICY_VERSIONS.POLICY_VERSION.eq(number.value()))
                .fetchOptional(PolicyVersionRepository::toVersion);
    }

    private static void lockActive(DSLContext dsl) {
        PolicyActiveRecord pointer = dsl.selectFrom(POLICY_ACTIVE).where(POLICY_ACTIVE.SINGLETON.eq(1)).forUpdate().fetchOne();
        if (pointer == null) {
            throw new IllegalStateException("the policy_active row is missing: the V1 migration did not run completely");
        }
    }

    private static void point(DSLContext dsl, PolicyVersionNumber number, OffsetDateTime now) {
        dsl.update(POLICY_ACTIVE)
                .set(POLICY_ACTIVE.POLICY_VERSION, number.value())
                .set(POLICY_ACTIVE.ACTIVATED_AT, now)
                .where(POLICY_ACTIVE.SINGLETON.eq(1))
                .execute();
    }

    private static AuditSubject subject(PolicyVersionNumber number) {
        return new AuditSubject("policy", number.toString());
    }

    private static PolicyVersion toVersion(PolicyVersionsRecord row) {
        return new PolicyVersion(
                new PolicyVersionNumber(row.getPolicyVersion()),
                row.getDocument(),
                StoreTime.fromDatabase(row.getCreatedAt()),
                new Operator(row.getAuthor()),
                row.getChangeComment());
    }
}
