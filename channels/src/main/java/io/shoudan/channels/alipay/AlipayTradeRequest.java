package io.shoudan.channels.alipay;

import java.util.Objects;

/** {@code alipay.trade.query} and {@code alipay.trade.cancel}: the trade by {@code out_trade_no}, and {@code trade_no} when known (null: absent). */
public record AlipayTradeRequest(String appId, String outTradeNo, String tradeNo) {

    public AlipayTradeRequest {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
    }
}
