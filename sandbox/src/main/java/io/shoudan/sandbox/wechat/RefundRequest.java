package io.shoudan.sandbox.wechat;

import io.shoudan.money.Money;
import java.util.Objects;

/**
 * WeChat Pay v2 {@code secapi/pay/refund}. {@code outRefundNo} identifies one refund: the same value
 * on a retry returns the first result without moving money again.
 */
public record RefundRequest(String appid, String mchId, String transactionId, String outTradeNo, String outRefundNo,
                            Money totalFee, Money refundFee) {

    public RefundRequest {
        Objects.requireNonNull(mchId, "mchId");
    }

    public static RefundRequest of(String appid, String mchId, String outTradeNo, String outRefundNo, Money totalFee,
                                   Money refundFee) {
        return new RefundRequest(appid, mchId, null, outTradeNo, outRefundNo, totalFee, refundFee);
    }
}
