package io.shoudan.payment;

/**
 * What a used idempotency key points at: the payment it created, and for a void or refund the refund
 * record too. Written in the same transaction as the payment or refund it names.
 *
 * @param refund the refund record for VOID and REFUND; {@code null} for SALE
 */
public record IdempotencyRecord(IdempotencyKey key, Operation operation, PaymentId payment, RefundId refund) {

    public IdempotencyRecord {
        if (key == null || operation == null || payment == null) {
            throw new IllegalArgumentException("an idempotency record needs key, operation and payment");
        }
        if ((operation == Operation.SALE) != (refund == null)) {
            throw new IllegalArgumentException("a " + operation + " key " + (operation == Operation.SALE ? "has no" : "needs a") + " refund record");
        }
    }

    public static IdempotencyRecord of(Payment payment) {
        return new IdempotencyRecord(new IdempotencyKey(payment.merchant(), payment.request().request()), Operation.SALE, payment.id(), null);
    }

    public static IdempotencyRecord of(Refund refund) {
        Operation operation = refund.kind() == RefundKind.VOID ? Operation.VOID : Operation.REFUND;
        return new IdempotencyRecord(new IdempotencyKey(refund.merchant(), refund.request()), operation, refund.payment(), refund.id());
    }
}
