package io.shoudan.sandbox.alipay;

/**
 * {@code alipay_trade_cancel_response}.
 *
 * @param retryFlag {@code "Y"}: the cancel did not complete, call it again; {@code "N"}: do not
 * @param action    {@code "close"} (nothing was paid, the trade is closed) or {@code "refund"} (the
 *                  payment was returned); null on failure
 */
public record TradeCancelResponse(
        AlipayCode code,
        String msg,
        SubCode subCode,
        String subMsg,
        String tradeNo,
        String outTradeNo,
        String retryFlag,
        String action) {

    static TradeCancelResponse failed(SubCode subCode, String outTradeNo, String retryFlag) {
        return new TradeCancelResponse(subCode.code(), subCode.code().msg(), subCode, subCode.msgZh(), null,
                outTradeNo, retryFlag, null);
    }
}
