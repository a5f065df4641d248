package io.shoudan.sandbox.wechat;

/**
 * WeChat Pay v2 {@code err_code} values the sandbox produces, with {@code err_code_des} in Chinese
 * (as WeChat sends it) and English. Which state produces which: docs/SANDBOX.md.
 */
public enum ErrCode {
    USERPAYING("USERPAYING", "需要用户输入支付密码", "the buyer must enter the password; query"),
    SYSTEMERROR("SYSTEMERROR", "系统超时", "system error; the result is unknown, query"),
    BANKERROR("BANKERROR", "银行系统异常", "the bank failed; the result is unknown, query"),
    AUTHCODEEXPIRE("AUTHCODEEXPIRE", "二维码已过期，请用户在微信上刷新后再试", "the payment code has expired"),
    NOTENOUGH("NOTENOUGH", "余额不足", "the buyer's balance is not enough"),
    NOTSUPORTCARD("NOTSUPORTCARD", "不支持卡类型", "this card type may not be used here (limit_pay)"),
    ORDERPAID("ORDERPAID", "订单已支付", "the order was already paid"),
    ORDERCLOSED("ORDERCLOSED", "订单已关闭", "the order is closed"),
    ORDERREVERSED("ORDERREVERSED", "订单已撤销", "the order was reversed"),
    AUTH_CODE_ERROR("AUTH_CODE_ERROR", "授权码参数错误", "the auth_code is not a WeChat payment code"),
    AUTH_CODE_INVALID("AUTH_CODE_INVALID", "授权码检验错误", "the payment code is unknown or already used"),
    TRADE_ERROR("TRADE_ERROR", "交易错误", "refused: the buyer's account or limits do not allow it"),
    BUYER_MISMATCH("BUYER_MISMATCH", "支付帐号错误", "the order already has another buyer"),
    REVERSE_EXPIRE("REVERSE_EXPIRE", "订单无法撤销", "past the time limit for reverse; refund instead"),
    PARAM_ERROR("PARAM_ERROR", "参数错误", "invalid parameter"),
    NOAUTH("NOAUTH", "商户无此接口权限", "the merchant may not use micropay"),
    OUT_TRADE_NO_USED("OUT_TRADE_NO_USED", "商户订单号重复", "same out_trade_no with different content"),
    ORDERNOTEXIST("ORDERNOTEXIST", "此交易订单号不存在", "no such order"),
    ERROR("ERROR", "业务错误", "refund refused");

    private final String wire;
    private final String desZh;
    private final String desEn;

    ErrCode(String wire, String desZh, String desEn) {
        this.wire = wire;
        this.desZh = desZh;
        this.desEn = desEn;
    }

    public String wire() {
        return wire;
    }

    /** What WeChat puts in {@code err_code_des}. */
    public String desZh() {
        return desZh;
    }

    public String desEn() {
        return desEn;
    }
}
