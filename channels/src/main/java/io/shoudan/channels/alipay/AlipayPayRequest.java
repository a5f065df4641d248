package io.shoudan.channels.alipay;

import io.shoudan.money.Money;

import java.util.Objects;

/**
 * {@code alipay.trade.pay} (scene {@code bar_code}, product {@code FACE_TO_FACE_PAYMENT}) as the adapter
 * sends it: {@code app_id} and the {@code biz_content} fields, wire names in camelCase so that an HTTP
 * transport maps them with a snake_case naming strategy. Identifiers are strings as on the wire; null
 * means absent.
 *
 * @param disablePayChannels e.g. {@code "pcredit,pcreditpayInstallment"} when the acquirer does not allow Huabei
 * @param hbFqNum            {@code extend_params.hb_fq_num} ({@code "3"}, {@code "6"}, {@code "12"})
 * @param hbFqSellerPercent  {@code extend_params.hb_fq_seller_percent} ({@code "0"} or {@code "100"})
 */
public record AlipayPayRequest(String appId, String outTradeNo, String authCode, Money totalAmount, String subject,
                               String storeId, String terminalId, String disablePayChannels, String hbFqNum,
                               String hbFqSellerPercent) {

    public static final String SCENE = "bar_code";
    public static final String PRODUCT_CODE = "FACE_TO_FACE_PAYMENT";

    public AlipayPayRequest {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(authCode, "authCode");
        Objects.requireNonNull(totalAmount, "totalAmount");
        if ((hbFqNum == null) != (hbFqSellerPercent == null)) {
            throw new IllegalArgumentException("hb_fq_num and hb_fq_seller_percent go together");
        }
    }

    @Override
    public String toString() {
        return "AlipayPayRequest[appId=" + appId + ", outTradeNo=" + outTradeNo + ", authCode="
                + io.shoudan.method.PaymentCode.masked(authCode) + ", totalAmount=" + totalAmount + ", disablePayChannels="
                + disablePayChannels + ", hbFqNum=" + hbFqNum + ", hbFqSellerPercent=" + hbFqSellerPercent + "]";
    }
}
