package io.shoudan.payment;

import io.shoudan.merchant.MerchantId;

/** A request's identity: unique per merchant, whatever the operation. */
public record IdempotencyKey(MerchantId merchant, RequestId request) {

    public IdempotencyKey {
        if (merchant == null || request == null) {
            throw new IllegalArgumentException("an idempotency key needs merchant and request id");
        }
    }
}
