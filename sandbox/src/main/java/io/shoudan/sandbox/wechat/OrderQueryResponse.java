package io.shoudan.sandbox.wechat;

import io.shoudan.money.Money;
import java.time.LocalDateTime;

/** The orderquery answer. Null: absent. */
public record OrderQueryResponse(
        String returnCode,
        String returnMsg,
        String appid,
        String mchId,
        String resultCode,
        ErrCode errCode,
        String errCodeDes,
        TradeState tradeState,
        String tradeStateDesc,
        String openid,
        String tradeType,
        String bankType,
        Money totalFee,
        Money cashFee,
        String transactionId,
        String outTradeNo,
        LocalDateTime timeEnd) {

    static OrderQueryResponse returnFail(OrderQueryRequest request, String returnMsg) {
        return new OrderQueryResponse("FAIL", returnMsg, request.appid(), request.mchId(), null, null, null, null,
                null, null, null, null, null, null, null, request.outTradeNo(), null);
    }

    static OrderQueryResponse failed(OrderQueryRequest request, ErrCode errCode) {
        return new OrderQueryResponse("SUCCESS", "OK", request.appid(), request.mchId(), "FAIL", errCode,
                errCode.desZh(), null, null, null, null, null, null, null, request.transactionId(),
                request.outTradeNo(), null);
    }
}
