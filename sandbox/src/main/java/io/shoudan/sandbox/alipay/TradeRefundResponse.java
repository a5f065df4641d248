package io.shoudan.sandbox.alipay;

import io.shoudan.money.Money;
import java.time.LocalDateTime;

/**
 * {@code alipay_trade_refund_response}.
 *
 * @param fundChange {@code "Y"}: this call moved money; {@code "N"}: it did not (an idempotent retry)
 * @param refundFee  everything refunded on the trade so far
 */
public record TradeRefundResponse(
        AlipayCode code,
        String msg,
        SubCode subCode,
        String subMsg,
        String tradeNo,
        String outTradeNo,
        String buyerLogonId,
        String fundChange,
        Money refundFee,
        LocalDateTime gmtRefundPay) {

    static TradeRefundResponse failed(SubCode subCode, String outTradeNo) {
        return new TradeRefundResponse(subCode.code(), subCode.code().msg(), subCode, subCode.msgZh(), null,
                outTradeNo, null, null, null, null);
    }
}
