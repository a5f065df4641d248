package io.shoudan.channels.alipay;

/**
 * {@code alipay_trade_cancel_response}.
 *
 * @param retryFlag {@code Y}: not done, call again
 * @param action    {@code close} (nothing was paid) or {@code refund} (the payment was given back)
 */
public record AlipayCancelResponse(String code, String msg, String subCode, String subMsg, String retryFlag, String action) {
}
