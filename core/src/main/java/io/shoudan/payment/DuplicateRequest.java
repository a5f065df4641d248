package io.shoudan.payment;

import io.shoudan.reason.Reason;

/** The refusal of a retry that differs from its first request, naming the field that differs. */
final class DuplicateRequest {

    private DuplicateRequest() {
    }

    static Reason reason(IdempotencyKey key, String field) {
        return Reason.of(new PaymentRefusal.DuplicateRequest(key.request(), field));
    }
}
