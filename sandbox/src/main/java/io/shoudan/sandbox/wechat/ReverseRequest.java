package io.shoudan.sandbox.wechat;

import java.util.Objects;

/** WeChat Pay v2 {@code secapi/pay/reverse} (撤销订单): by {@code transaction_id} or {@code out_trade_no}. */
public record ReverseRequest(String appid, String mchId, String transactionId, String outTradeNo) {

    public ReverseRequest {
        Objects.requireNonNull(mchId, "mchId");
    }

    public static ReverseRequest byOutTradeNo(String appid, String mchId, String outTradeNo) {
        return new ReverseRequest(appid, mchId, null, outTradeNo);
    }
}
