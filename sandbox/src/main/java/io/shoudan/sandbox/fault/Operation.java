package io.shoudan.sandbox.fault;

/** A kind of call to a channel; fault rules can target one or several. */
public enum Operation {
    /** alipay.trade.pay, WeChat micropay, UnionPay sale (card or QR). */
    PAY,
    /** alipay.trade.query, WeChat orderquery, UnionPay query. */
    QUERY,
    /** alipay.trade.cancel, WeChat reverse, UnionPay reversal (冲正). */
    CANCEL,
    /** UnionPay void (消费撤销). */
    VOID,
    /** alipay.trade.refund, WeChat refund, UnionPay refund (退货). */
    REFUND
}
