package io.shoudan.sandbox.alipay;

import java.util.Objects;

/** {@code alipay.trade.cancel}: by {@code out_trade_no} or {@code trade_no}. */
public record TradeCancelRequest(String appId, String outTradeNo, String tradeNo) {

    public TradeCancelRequest {
        Objects.requireNonNull(appId, "appId");
    }

    public static TradeCancelRequest byOutTradeNo(String appId, String outTradeNo) {
        return new TradeCancelRequest(appId, outTradeNo, null);
    }
}
