package io.shoudan.payment;

/** How money goes back to the consumer after a successful payment. */
public enum RefundKind {
    /** Part or all of the amount, any time after the payment (退货 / alipay.trade.refund). */
    REFUND,
    /** The whole payment, on the same business day before settlement (消费撤销 / alipay.trade.cancel). */
    VOID
}
