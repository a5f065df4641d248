package io.shoudan.payment;

import io.shoudan.merchant.MerchantId;
import io.shoudan.money.Money;

/**
 * A refund (or, with {@link RefundKind#VOID}, a void) asked for by a terminal or merchant system.
 *
 * @param request  this request's own id (terminal batch/trace or {@code out_request_no}): the idempotency key
 * @param original the request id of the sale to refund
 * @param amount   the refund amount; for a void, the sale's whole amount (checked)
 */
public record RefundRequest(MerchantId merchant, RequestId request, RequestId original, RefundKind kind, Money amount) {

    public RefundRequest {
        if (merchant == null || request == null || original == null || kind == null || amount == null) {
            throw new IllegalArgumentException("a refund needs merchant, request id, original, kind and amount");
        }
    }

    public static RefundRequest refund(MerchantId merchant, RequestId request, RequestId original, Money amount) {
        return new RefundRequest(merchant, request, original, RefundKind.REFUND, amount);
    }
}
