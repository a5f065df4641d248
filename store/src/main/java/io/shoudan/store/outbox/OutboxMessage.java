package io.shoudan.store.outbox;

import io.shoudan.merchant.MerchantId;

import java.time.OffsetDateTime;

/**
 * A message waiting to be delivered after the transaction that wrote it committed.
 *
 * @param payload  the message body (JSON text), opaque to the store
 * @param attempts how many times the message was handed out for delivery, this time included
 */
public record OutboxMessage(
        MerchantId merchantId,
        OutboxMessageId id,
        Topic topic,
        String payload,
        OffsetDateTime createdAt,
        int attempts) {

    public OutboxMessage {
        if (merchantId == null || id == null || topic == null || payload == null || createdAt == null) {
            throw new IllegalArgumentException("an outbox message needs merchantId, id, topic, payload and createdAt");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, got " + attempts);
        }
    }
}
