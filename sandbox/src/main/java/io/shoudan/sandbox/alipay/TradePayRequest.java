package io.shoudan.sandbox.alipay;

import io.shoudan.money.Money;
import java.util.Objects;

/**
 * {@code alipay.trade.pay} (当面付, scene {@code bar_code}): the request's {@code app_id} and the
 * fields of its {@code biz_content}. Component names are the wire names in camelCase
 * ({@code outTradeNo} ↔ {@code out_trade_no}), so an HTTP layer maps them with a snake_case naming
 * strategy. Identifiers stay strings: validating them is the channel's job, and the channel must be
 * able to receive an invalid one to refuse it. Null: absent.
 *
 * @param disablePayChannels comma-separated {@link PayChannel} names, e.g. {@code "pcredit,pcreditpayInstallment"}
 */
public record TradePayRequest(
        String appId,
        String outTradeNo,
        String scene,
        String authCode,
        String productCode,
        String subject,
        Money totalAmount,
        String storeId,
        String terminalId,
        String operatorId,
        String disablePayChannels,
        ExtendParams extendParams) {

    public TradePayRequest {
        Objects.requireNonNull(appId, "appId");
    }

    /** The usual barcode payment, no channel disabled, no installments. */
    public static TradePayRequest barCode(String appId, String outTradeNo, String authCode, Money totalAmount,
                                          String subject) {
        return new TradePayRequest(appId, outTradeNo, "bar_code", authCode, "FACE_TO_FACE_PAYMENT", subject,
                totalAmount, null, null, null, null, null);
    }

    public TradePayRequest withDisablePayChannels(String channels) {
        return new TradePayRequest(appId, outTradeNo, scene, authCode, productCode, subject, totalAmount, storeId,
                terminalId, operatorId, channels, extendParams);
    }

    public TradePayRequest withExtendParams(ExtendParams params) {
        return new TradePayRequest(appId, outTradeNo, scene, authCode, productCode, subject, totalAmount, storeId,
                terminalId, operatorId, disablePayChannels, params);
    }

    public TradePayRequest withAuthCode(String code) {
        return new TradePayRequest(appId, outTradeNo, scene, code, productCode, subject, totalAmount, storeId,
                terminalId, operatorId, disablePayChannels, extendParams);
    }

    public TradePayRequest withTotalAmount(Money amount) {
        return new TradePayRequest(appId, outTradeNo, scene, authCode, productCode, subject, amount, storeId,
                terminalId, operatorId, disablePayChannels, extendParams);
    }

    public TradePayRequest withStore(String store, String terminal) {
        return new TradePayRequest(appId, outTradeNo, scene, authCode, productCode, subject, totalAmount, store,
                terminal, operatorId, disablePayChannels, extendParams);
    }
}
