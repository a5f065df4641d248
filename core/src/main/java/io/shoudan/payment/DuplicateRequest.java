package io.shoudan.payment;

import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;

/** The refusal of a retry that differs from its first request, naming the field that differs. */
final class DuplicateRequest {

    private DuplicateRequest() {
    }

    static Reason reason(IdempotencyKey key, String field) {
        return Reason.of(ReasonCode.OPERATION_DUPLICATE_REQUEST, "request", key.request(), "field", field);
    }
}
