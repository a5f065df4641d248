package io.shoudan.channels.alipay;

import io.shoudan.money.Money;

/** {@code alipay_trade_refund_response}; {@code fundChange} N on an idempotent retry; {@code refundFee} the total refunded so far. */
public record AlipayRefundResponse(String code, String msg, String subCode, String subMsg, String fundChange, Money refundFee) {
}
