package io.shoudan.channels.wechat;

/** The orderquery answer; {@code tradeState}: SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING, PAYERROR. */
public record OrderQueryResponse(String returnCode, String returnMsg, String resultCode, String errCode, String errCodeDes,
                                 String tradeState, String transactionId, String bankType) {
}
