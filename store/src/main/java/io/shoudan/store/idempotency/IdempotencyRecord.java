package io.shoudan.store.idempotency;

import io.shoudan.merchant.MerchantId;

import java.time.OffsetDateTime;

/**
 * The first occurrence of a request, and once it has one, the answer given to it.
 *
 * @param paymentId   the payment (or refund) the request created; {@code null} until known
 * @param response    the answer as given (JSON text), replayed to a retry; {@code null} while in progress
 * @param completedAt when the answer was stored; {@code null} while in progress
 */
public record IdempotencyRecord(
        MerchantId merchantId,
        RequestKey key,
        RequestFingerprint fingerprint,
        String paymentId,
        String response,
        OffsetDateTime createdAt,
        OffsetDateTime completedAt) {

    public IdempotencyRecord {
        if (merchantId == null || key == null || fingerprint == null || createdAt == null) {
            throw new IllegalArgumentException("an idempotency record needs merchantId, key, fingerprint and createdAt");
        }
    }

    public boolean isCompleted() {
        return completedAt != null;
    }
}
