package io.shoudan.store.outbox;

import io.shoudan.merchant.MerchantId;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.schema.tables.records.OutboxRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.shoudan.store.database.schema.Tables.OUTBOX;

/**
 * The transactional outbox: a service appends a message in the same transaction as the state
 * change it announces, and a publisher polls, delivers and marks it sent. Delivery is at least
 * once: a message whose publisher died is handed out again when its lease runs out.
 *
 * <p>Several gateway nodes may poll the same outbox: each message is leased with a conditional
 * update, so at most one node holds it at a time. Messages come out in the order they were
 * appended (by id).
 */
public final class Outbox {

    private static final int POLL_MAX = 1000;

    private final Database database;
    private final Clock clock;
    private final String leaseOwner;

    public Outbox(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.leaseOwner = "outbox-" + UUID.randomUUID();
    }

    /** Appends a message; inside {@link Database#inTransaction} it commits with the caller's change. */
    public OutboxMessage append(MerchantId merchantId, Topic topic, String payload) {
        if (payload == null) {
            throw new IllegalArgumentException("an outbox message needs a payload");
        }
        OffsetDateTime now = StoreTime.now(clock);
        Long id = database.dsl().insertInto(OUTBOX)
                .set(OUTBOX.MERCHANT_ID, merchantId.value())
                .set(OUTBOX.TOPIC, topic.name())
                .set(OUTBOX.PAYLOAD, payload)
                .set(OUTBOX.CREATED_AT, now)
                .set(OUTBOX.ATTEMPTS, 0)
                .returning(OUTBOX.MESSAGE_ID)
                .fetchOne(OUTBOX.MESSAGE_ID);
        if (id == null) {
            throw new IllegalStateException("the database returned no id for the new outbox message");
        }
        return new OutboxMessage(merchantId, new OutboxMessageId(id), topic, payload, now, 0);
    }

    /**
     * Leases up to {@code max} unsent messages, oldest first, for {@code lease}: until then no other
     * poll hands them out. Deliver them, then {@link #markSent} each.
     */
    public List<OutboxMessage> poll(int max, Duration lease) {
        if (max < 1 || max > POLL_MAX) {
            throw new IllegalArgumentException("max must be 1.." + POLL_MAX + ", got " + max);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("a lease must be positive, got " + lease);
        }
        OffsetDateTime now = StoreTime.now(clock);
        OffsetDateTime leasedUntil = now.plus(lease);
        List<OutboxRecord> candidates = database.dsl().selectFrom(OUTBOX)
                .where(OUTBOX.SENT_AT.isNull(), OUTBOX.LEASED_UNTIL.isNull().or(OUTBOX.LEASED_UNTIL.le(now)))
                .orderBy(OUTBOX.MESSAGE_ID)
                .limit(max)
                .fetch();
        List<OutboxMessage> leased = new ArrayList<>(candidates.size());
        for (OutboxRecord row : candidates) {
            // The same condition again: another node may have leased the row since we read it.
            int won = database.dsl().update(OUTBOX)
                    .set(OUTBOX.LEASED_BY, leaseOwner)
                    .set(OUTBOX.LEASED_UNTIL, leasedUntil)
                    .set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1))
                    .where(OUTBOX.MERCHANT_ID.eq(row.getMerchantId()), OUTBOX.MESSAGE_ID.eq(row.getMessageId()),
                            OUTBOX.SENT_AT.isNull(), OUTBOX.LEASED_UNTIL.isNull().or(OUTBOX.LEASED_UNTIL.le(now)))
                    .execute();
            if (won == 1) {
                leased.add(new OutboxMessage(new MerchantId(row.getMerchantId()), new OutboxMessageId(row.getMessageId()),
                        new Topic(row.getTopic()), row.getPayload(), StoreTime.fromDatabase(row.getCreatedAt()),
                        row.getAttempts() + 1));
            }
        }
        return leased;
    }

    /**
     * Records that the message was delivered; it is never handed out again.
     *
     * @return false when it had already been marked sent
     */
    public boolean markSent(OutboxMessage message) {
        return database.dsl().update(OUTBOX)
                .set(OUTBOX.SENT_AT, StoreTime.now(clock))
                .setNull(OUTBOX.LEASED_UNTIL)
                .where(OUTBOX.MERCHANT_ID.eq(message.merchantId().value()), OUTBOX.MESSAGE_ID.eq(message.id().value()),
                        OUTBOX.SENT_AT.isNull())
                .execute() == 1;
    }

    /** Gives a leased message back at once (delivery failed), so the next poll retries it. */
    public boolean release(OutboxMessage message) {
        return database.dsl().update(OUTBOX)
                .setNull(OUTBOX.LEASED_UNTIL)
                .setNull(OUTBOX.LEASED_BY)
                .where(OUTBOX.MERCHANT_ID.eq(message.merchantId().value()), OUTBOX.MESSAGE_ID.eq(message.id().value()),
                        OUTBOX.SENT_AT.isNull(), OUTBOX.LEASED_BY.eq(leaseOwner))
                .execute() == 1;
    }

    /** Messages not yet marked sent, leased or not. */
    public int pendingCount() {
        return database.dsl().fetchCount(OUTBOX, OUTBOX.SENT_AT.isNull());
    }
}
