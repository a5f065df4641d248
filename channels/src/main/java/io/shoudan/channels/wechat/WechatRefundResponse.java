package io.shoudan.channels.wechat;

/** The refund answer. */
public record WechatRefundResponse(String returnCode, String returnMsg, String resultCode, String errCode, String errCodeDes,
                                   String refundId) {
}
