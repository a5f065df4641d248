package io.shoudan.channels.wechat;

/** The reverse answer; {@code recall=Y}: call reverse again. */
public record ReverseResponse(String returnCode, String returnMsg, String resultCode, String errCode, String errCodeDes, String recall) {
}
