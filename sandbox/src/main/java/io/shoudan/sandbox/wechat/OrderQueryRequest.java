package io.shoudan.sandbox.wechat;

import java.util.Objects;

/** WeChat Pay v2 {@code orderquery}: by {@code transaction_id} (wins) or {@code out_trade_no}. */
public record OrderQueryRequest(String appid, String mchId, String transactionId, String outTradeNo) {

    public OrderQueryRequest {
        Objects.requireNonNull(mchId, "mchId");
    }

    public static OrderQueryRequest byOutTradeNo(String appid, String mchId, String outTradeNo) {
        return new OrderQueryRequest(appid, mchId, null, outTradeNo);
    }
}
