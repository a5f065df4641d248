package io.shoudan.store.idempotency;

import io.shoudan.merchant.MerchantId;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.schema.tables.records.IdempotencyKeysRecord;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import static io.shoudan.store.database.schema.Tables.IDEMPOTENCY_KEYS;

/**
 * "Same request id → same answer". A request claims its key before anything else happens; the
 * first claim inserts the row, every later (or concurrent) claim gets that row back and learns
 * whether it is the same request or a changed one.
 */
public final class IdempotencyKeys {

    private final Database database;
    private final Clock clock;

    public IdempotencyKeys(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Inserts the key if it is absent and returns what is stored under it. Safe under concurrency on
     * both databases: PostgreSQL's {@code ON CONFLICT DO NOTHING} waits for a concurrent insert of
     * the same key to commit; on H2 (where jOOQ emulates it with {@code MERGE}) the loser of a race
     * gets a unique-key violation, which is the same answer.
     */
    public Claim claim(MerchantId merchantId, RequestKey key, RequestFingerprint fingerprint) {
        OffsetDateTime now = StoreTime.now(clock);
        int inserted;
        try {
            inserted = database.dsl().insertInto(IDEMPOTENCY_KEYS)
                    .set(IDEMPOTENCY_KEYS.MERCHANT_ID, merchantId.value())
                    .set(IDEMPOTENCY_KEYS.REQUEST_KEY, key.value())
                    .set(IDEMPOTENCY_KEYS.FINGERPRINT, fingerprint.value())
                    .set(IDEMPOTENCY_KEYS.CREATED_AT, now)
                    .onConflictDoNothing()
                    .execute();
        } catch (IntegrityConstraintViolationException lostTheRace) {
            inserted = 0;
        }
        IdempotencyRecord stored = find(merchantId, key).orElseThrow(() -> new IllegalStateException(
                "idempotency key " + key + " of merchant " + merchantId + " vanished right after it was claimed"));
        if (inserted == 1) {
            return new Claim.FirstSeen(stored);
        }
        return stored.fingerprint().equals(fingerprint) ? new Claim.Repeated(stored) : new Claim.Changed(stored);
    }

    /**
     * Stores the answer given to the request, for retries to replay. An answer is stored once: a
     * second completion is refused, so a retry can never see two different answers.
     *
     * @param paymentId {@code null} when the request created no payment (e.g. declined before)
     * @return false when the key is unknown or already completed
     */
    public boolean complete(MerchantId merchantId, RequestKey key, String paymentId, String response) {
        if (response == null) {
            throw new IllegalArgumentException("completing a request needs the response");
        }
        return database.dsl().update(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.PAYMENT_ID, paymentId)
                .set(IDEMPOTENCY_KEYS.RESPONSE, response)
                .set(IDEMPOTENCY_KEYS.COMPLETED_AT, StoreTime.now(clock))
                .where(IDEMPOTENCY_KEYS.MERCHANT_ID.eq(merchantId.value()), IDEMPOTENCY_KEYS.REQUEST_KEY.eq(key.value()),
                        IDEMPOTENCY_KEYS.COMPLETED_AT.isNull())
                .execute() == 1;
    }

    public Optional<IdempotencyRecord> find(MerchantId merchantId, RequestKey key) {
        return database.dsl().selectFrom(IDEMPOTENCY_KEYS)
                .where(IDEMPOTENCY_KEYS.MERCHANT_ID.eq(merchantId.value()), IDEMPOTENCY_KEYS.REQUEST_KEY.eq(key.value()))
                .fetchOptional(IdempotencyKeys::toRecord);
    }

    private static IdempotencyRecord toRecord(IdempotencyKeysRecord row) {
        return new IdempotencyRecord(
                new MerchantId(row.getMerchantId()),
                new RequestKey(row.getRequestKey()),
                new RequestFingerprint(row.getFingerprint()),
                row.getPaymentId(),
                row.getResponse(),
                StoreTime.fromDatabase(row.getCreatedAt()),
                StoreTime.fromDatabase(row.getCompletedAt()));
    }
}
