package io.shoudan.channels.wechat;

import io.shoudan.money.Money;

import java.util.Objects;

/**
 * WeChat Pay v2 {@code micropay}: XML element names in camelCase; {@code nonce_str} and {@code sign} are
 * the HTTP transport's. {@code totalFee} is printed in fen on the wire. Null: absent.
 *
 * @param limitPay {@code no_credit} forbids credit cards; null allows them
 */
public record MicropayRequest(String appid, String mchId, String deviceInfo, String body, String outTradeNo, Money totalFee,
                              String authCode, String limitPay) {

    public MicropayRequest {
        Objects.requireNonNull(mchId, "mchId");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(totalFee, "totalFee");
        Objects.requireNonNull(authCode, "authCode");
    }

    @Override
    public String toString() {
        return "MicropayRequest[mchId=" + mchId + ", outTradeNo=" + outTradeNo + ", totalFee=" + totalFee + ", authCode="
                + io.shoudan.method.PaymentCode.masked(authCode) + ", limitPay=" + limitPay + "]";
    }
}
