package io.shoudan.sandbox.wechat;

import io.shoudan.money.Money;
import java.time.LocalDateTime;

/**
 * The micropay answer. {@code returnCode} FAIL means the call itself failed (unknown merchant);
 * otherwise {@code resultCode} says whether the payment succeeded and {@code errCode} why not. Null:
 * absent. {@code timeEnd} is Beijing time.
 */
public record MicropayResponse(
        String returnCode,
        String returnMsg,
        String appid,
        String mchId,
        String deviceInfo,
        String resultCode,
        ErrCode errCode,
        String errCodeDes,
        String openid,
        String isSubscribe,
        String tradeType,
        String bankType,
        String feeType,
        Money totalFee,
        Money cashFee,
        String transactionId,
        String outTradeNo,
        LocalDateTime timeEnd) {

    static MicropayResponse returnFail(MicropayRequest request, String returnMsg) {
        return new MicropayResponse("FAIL", returnMsg, request.appid(), request.mchId(), request.deviceInfo(), null,
                null, null, null, null, null, null, null, null, null, null, request.outTradeNo(), null);
    }

    static MicropayResponse failed(MicropayRequest request, ErrCode errCode) {
        return new MicropayResponse("SUCCESS", "OK", request.appid(), request.mchId(), request.deviceInfo(), "FAIL",
                errCode, errCode.desZh(), null, null, null, null, null, null, null, null, request.outTradeNo(), null);
    }
}
