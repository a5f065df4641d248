package io.shoudan.channels.wechat;

/** The micropay answer (null: absent). {@code bankType}: {@code OTHERS} (零钱), {@code LQT}, {@code <BANK>_DEBIT}, {@code <BANK>_CREDIT}. */
public record MicropayResponse(String returnCode, String returnMsg, String resultCode, String errCode, String errCodeDes,
                               String transactionId, String bankType) {
}
