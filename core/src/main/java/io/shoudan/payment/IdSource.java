package io.shoudan.payment;

/** Port: new ids for payments and refunds, unique across every node that shares a store. */
public interface IdSource {

    PaymentId newPaymentId();

    RefundId newRefundId();
}
