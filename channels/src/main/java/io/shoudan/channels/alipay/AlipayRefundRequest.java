package io.shoudan.channels.alipay;

import io.shoudan.money.Money;

import java.util.Objects;

/** {@code alipay.trade.refund}; {@code outRequestNo} is the same on every retry of one refund, so Alipay refunds it once. */
public record AlipayRefundRequest(String appId, String outTradeNo, String tradeNo, Money refundAmount, String outRequestNo) {

    public AlipayRefundRequest {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(refundAmount, "refundAmount");
        Objects.requireNonNull(outRequestNo, "outRequestNo");
    }
}
