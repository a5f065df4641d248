package io.shoudan.payment;

/**
 * What a used idempotency key points at: the payment it created, and for a void or refund the refund
 * record too. Written in the same transaction as the payment or refund it names. A REVERSAL key points at
 * nothing yet: an {@link EarlyReversal} holds it until its sale arrives, which then takes it over as a SALE.
 *
 * @param payment the payment; {@code null} for REVERSAL only
 * @param refund  the refund record for VOID and REFUND; {@code null} for SALE and REVERSAL
 */
public record IdempotencyRecord(IdempotencyKey key, Operation operation, PaymentId payment, RefundId refund) {

    public IdempotencyRecord {
        if (key == null || operation == null) {
            throw new IllegalArgumentException("an idempotency record needs key and operation");
        }
        if ((operation == Operation.REVERSAL) != (payment == null)) {
            throw new IllegalArgumentException("a " + operation + " key " + (operation == Operation.REVERSAL ? "names no" : "needs a") + " payment");
        }
        boolean adjustment = operation == Operation.VOID || operation == Operation.REFUND;
        if (adjustment != (refund != null)) {
            throw new IllegalArgumentException("a " + operation + " key " + (adjustment ? "needs a" : "has no") + " refund record");
        }
    }

    public static IdempotencyRecord of(Payment payment) {
        return new IdempotencyRecord(new IdempotencyKey(payment.merchant(), payment.request().request()), Operation.SALE, payment.id(), null);
    }

    public static IdempotencyRecord of(EarlyReversal note) {
        return new IdempotencyRecord(note.original(), Operation.REVERSAL, null, null);
    }

    public static IdempotencyRecord of(Refund refund) {
        Operation operation = refund.kind() == RefundKind.VOID ? Operation.VOID : Operation.REFUND;
        return new IdempotencyRecord(new IdempotencyKey(refund.merchant(), refund.request()), operation, refund.payment(), refund.id());
    }
}
