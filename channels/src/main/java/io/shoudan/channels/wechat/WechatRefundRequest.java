package io.shoudan.channels.wechat;

import io.shoudan.money.Money;

import java.util.Objects;

/** {@code secapi/pay/refund}; {@code outRefundNo} is the same on every retry of one refund. */
public record WechatRefundRequest(String appid, String mchId, String outTradeNo, String transactionId, String outRefundNo,
                                  Money totalFee, Money refundFee) {

    public WechatRefundRequest {
        Objects.requireNonNull(mchId, "mchId");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(outRefundNo, "outRefundNo");
        Objects.requireNonNull(totalFee, "totalFee");
        Objects.requireNonNull(refundFee, "refundFee");
    }
}
