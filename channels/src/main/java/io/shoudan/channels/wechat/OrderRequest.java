package io.shoudan.channels.wechat;

import java.util.Objects;

/** {@code orderquery} and {@code reverse}: the order by {@code out_trade_no}, and {@code transaction_id} when known (null: absent). */
public record OrderRequest(String appid, String mchId, String outTradeNo, String transactionId) {

    public OrderRequest {
        Objects.requireNonNull(mchId, "mchId");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
    }
}
