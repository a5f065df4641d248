package io.shoudan.sandbox.unionpay;

/** ISO 8583 field 39 values the simulated UnionPay host answers, with Chinese and English text. */
public enum ResponseCode {
    APPROVED("00", "承兑或交易成功", "approved"),
    INVALID_MERCHANT("03", "商户未登记", "invalid merchant"),
    DO_NOT_HONOUR("05", "不予承兑", "do not honour"),
    /** The cardholder must still confirm on the phone (UnionPay QR above the password threshold). */
    IN_PROGRESS("09", "交易处理中", "request in progress; query"),
    INVALID_TRANSACTION("12", "无效交易", "invalid transaction"),
    INVALID_AMOUNT("13", "无效金额", "invalid amount"),
    INVALID_CARD("14", "无效卡号或付款码", "invalid card number or payment code"),
    UNABLE_TO_LOCATE_ORIGINAL("25", "找不到原始交易", "unable to locate the original transaction"),
    INSUFFICIENT_FUNDS("51", "余额不足", "insufficient funds"),
    EXPIRED("54", "过期的卡或付款码", "expired card or payment code"),
    INCORRECT_PIN("55", "密码错", "incorrect PIN"),
    NOT_PERMITTED_TO_CARDHOLDER("57", "不允许持卡人进行的交易", "transaction not permitted to cardholder"),
    NOT_PERMITTED_TO_TERMINAL("58", "不允许终端进行的交易", "transaction not permitted to terminal"),
    SUSPECTED_FRAUD("59", "有作弊嫌疑", "suspected fraud"),
    EXCEEDS_AMOUNT_LIMIT("61", "超出金额限制", "exceeds withdrawal amount limit"),
    ORIGINAL_AMOUNT_INCORRECT("64", "原始金额错误", "original amount incorrect"),
    ISSUER_INOPERATIVE("91", "发卡方不能操作", "issuer or switch inoperative"),
    DUPLICATE_TRANSMISSION("94", "重复交易", "duplicate transmission"),
    SYSTEM_ERROR("96", "系统异常、失效", "system malfunction");

    private final String field39;
    private final String textZh;
    private final String textEn;

    ResponseCode(String field39, String textZh, String textEn) {
        this.field39 = field39;
        this.textZh = textZh;
        this.textEn = textEn;
    }

    /** The two characters of field 39. */
    public String field39() {
        return field39;
    }

    public String textZh() {
        return textZh;
    }

    public String textEn() {
        return textEn;
    }
}
