package io.shoudan.sandbox.wechat;

import io.shoudan.money.Money;

/** The refund answer; {@code refundFee} is this refund's amount. Null: absent. */
public record RefundResponse(
        String returnCode,
        String returnMsg,
        String appid,
        String mchId,
        String resultCode,
        ErrCode errCode,
        String errCodeDes,
        String transactionId,
        String outTradeNo,
        String outRefundNo,
        String refundId,
        Money refundFee,
        Money totalFee,
        Money cashFee) {

    static RefundResponse returnFail(RefundRequest request, String returnMsg) {
        return new RefundResponse("FAIL", returnMsg, request.appid(), request.mchId(), null, null, null, null,
                request.outTradeNo(), request.outRefundNo(), null, null, null, null);
    }

    static RefundResponse failed(RefundRequest request, ErrCode errCode, String des) {
        return new RefundResponse("SUCCESS", "OK", request.appid(), request.mchId(), "FAIL", errCode, des, null,
                request.outTradeNo(), request.outRefundNo(), null, null, null, null);
    }
}
