package io.shoudan.sandbox.alipay;

import io.shoudan.money.Money;
import java.util.Objects;

/**
 * {@code alipay.trade.refund}. {@code outRequestNo} identifies one refund of the trade: the same value
 * on a retry returns the first result without moving money again. Absent, it defaults to the trade's
 * out_trade_no (so a trade can be refunded without it only once).
 */
public record TradeRefundRequest(String appId, String outTradeNo, String tradeNo, Money refundAmount,
                                 String outRequestNo, String refundReason) {

    public TradeRefundRequest {
        Objects.requireNonNull(appId, "appId");
    }

    public static TradeRefundRequest of(String appId, String outTradeNo, Money refundAmount, String outRequestNo) {
        return new TradeRefundRequest(appId, outTradeNo, null, refundAmount, outRequestNo, null);
    }
}
