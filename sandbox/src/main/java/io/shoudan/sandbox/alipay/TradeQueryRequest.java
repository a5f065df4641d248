package io.shoudan.sandbox.alipay;

import java.util.Objects;

/** {@code alipay.trade.query}: by {@code out_trade_no} or {@code trade_no} (trade_no wins when both). */
public record TradeQueryRequest(String appId, String outTradeNo, String tradeNo) {

    public TradeQueryRequest {
        Objects.requireNonNull(appId, "appId");
    }

    public static TradeQueryRequest byOutTradeNo(String appId, String outTradeNo) {
        return new TradeQueryRequest(appId, outTradeNo, null);
    }
}
