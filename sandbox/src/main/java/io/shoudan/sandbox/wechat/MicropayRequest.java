package io.shoudan.sandbox.wechat;

import io.shoudan.money.Money;
import java.util.Objects;

/**
 * WeChat Pay v2 {@code micropay} (付款码支付). Component names are the XML element names in camelCase
 * ({@code mchId} ↔ {@code mch_id}); {@code nonce_str} and {@code sign} belong to the HTTP layer.
 * {@code totalFee} is in fen on the wire. Null: absent.
 *
 * @param limitPay {@code "no_credit"} forbids credit cards; null allows them
 */
public record MicropayRequest(
        String appid,
        String mchId,
        String deviceInfo,
        String body,
        String outTradeNo,
        Money totalFee,
        String feeType,
        String spbillCreateIp,
        String authCode,
        String limitPay,
        String attach) {

    public MicropayRequest {
        Objects.requireNonNull(mchId, "mchId");
    }

    public static MicropayRequest of(String appid, String mchId, String outTradeNo, String authCode, Money totalFee,
                                     String body) {
        return new MicropayRequest(appid, mchId, null, body, outTradeNo, totalFee, "CNY", "127.0.0.1", authCode,
                null, null);
    }

    public MicropayRequest withLimitPay(String value) {
        return new MicropayRequest(appid, mchId, deviceInfo, body, outTradeNo, totalFee, feeType, spbillCreateIp,
                authCode, value, attach);
    }

    public MicropayRequest withAuthCode(String value) {
        return new MicropayRequest(appid, mchId, deviceInfo, body, outTradeNo, totalFee, feeType, spbillCreateIp,
                value, limitPay, attach);
    }

    public MicropayRequest withTotalFee(Money value) {
        return new MicropayRequest(appid, mchId, deviceInfo, body, outTradeNo, value, feeType, spbillCreateIp,
                authCode, limitPay, attach);
    }
}
