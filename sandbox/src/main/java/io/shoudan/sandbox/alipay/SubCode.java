package io.shoudan.sandbox.alipay;

/**
 * Alipay's {@code sub_code} values the sandbox produces, with the {@code sub_msg} in Chinese (as
 * Alipay sends it) and English. Which state produces which code: docs/SANDBOX.md.
 */
public enum SubCode {
    SYSTEM_ERROR("ACQ.SYSTEM_ERROR", "系统错误", "system error, query the trade"),
    SERVICE_UNAVAILABLE("isp.unknow-error", "系统繁忙", "service unavailable, query the trade",
            AlipayCode.UNKNOWN),
    INVALID_PARAMETER("ACQ.INVALID_PARAMETER", "参数无效", "invalid parameter"),
    INVALID_APP_ID("isv.invalid-app-id", "无效的AppID参数", "unknown app_id", AlipayCode.INVALID_ARGUMENTS),
    ACCESS_FORBIDDEN("ACQ.ACCESS_FORBIDDEN", "无权限使用接口", "the merchant has not signed this product"),
    TOTAL_FEE_EXCEED("ACQ.TOTAL_FEE_EXCEED", "订单总金额超过限额", "total_amount above what a trade may be"),
    PAYMENT_AUTH_CODE_INVALID("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付授权码无效",
            "payment code invalid, expired or already used"),
    CONTEXT_INCONSISTENT("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改",
            "same out_trade_no with different content"),
    TRADE_HAS_SUCCESS("ACQ.TRADE_HAS_SUCCESS", "交易已被支付", "the trade was already paid"),
    TRADE_HAS_CLOSE("ACQ.TRADE_HAS_CLOSE", "交易已经关闭", "the trade is closed"),
    BUYER_BALANCE_NOT_ENOUGH("ACQ.BUYER_BALANCE_NOT_ENOUGH", "买家余额不足", "the buyer's funds are not enough"),
    BUYER_BANKCARD_BALANCE_NOT_ENOUGH("ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH", "用户银行卡余额不足",
            "the buyer's bank card balance is not enough"),
    BUYER_ENABLE_STATUS_FORBID("ACQ.BUYER_ENABLE_STATUS_FORBID", "买家状态非法", "the buyer's account is frozen"),
    PAYMENT_FAIL("ACQ.PAYMENT_FAIL", "支付失败", "payment failed"),
    SELLER_BEEN_BLOCKED("ACQ.SELLER_BEEN_BLOCKED", "商家账号被冻结", "the merchant's account is blocked"),
    PRODUCT_AMOUNT_LIMIT_ERROR("ACQ.PRODUCT_AMOUNT_LIMIT_ERROR", "产品额度超限",
            "above the per-trade limit of the merchant's product"),
    BEYOND_PAY_RESTRICTION("ACQ.BEYOND_PAY_RESTRICTION", "商户收款额度超限",
            "the merchant's daily receipt limit is reached"),
    BEYOND_PER_RECEIPT_RESTRICTION("ACQ.BEYOND_PER_RECEIPT_RESTRICTION", "商户收款金额超过月限额",
            "the merchant's monthly receipt limit is reached"),
    BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR("ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR", "买家付款日限额超限",
            "the buyer's daily payment limit is reached"),
    PAYMENT_REQUEST_HAS_RISK("ACQ.PAYMENT_REQUEST_HAS_RISK", "支付有风险", "refused by risk control"),
    NO_PAYMENT_INSTRUMENTS_AVAILABLE("ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE", "没有可用的支付工具",
            "none of the buyer's payment instruments may be used here"),
    ERROR_BUYER_CERTIFY_LEVEL_LIMIT("ACQ.ERROR_BUYER_CERTIFY_LEVEL_LIMIT", "买家未通过人行认证",
            "the buyer has not passed real-name certification"),
    TRADE_NOT_EXIST("ACQ.TRADE_NOT_EXIST", "交易不存在", "no such trade"),
    TRADE_STATUS_ERROR("ACQ.TRADE_STATUS_ERROR", "交易状态非法", "the trade's status does not allow this"),
    TRADE_HAS_FINISHED("ACQ.TRADE_HAS_FINISHED", "交易已完结", "the trade is finished: no more refunds"),
    TRADE_CANCEL_TIME_OUT("ACQ.TRADE_CANCEL_TIME_OUT", "超过撤销时间范围",
            "past the 24 h cancel limit, refund instead"),
    REFUND_AMT_NOT_EQUAL_TOTAL("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限",
            "refund above what is left of the trade"),
    DISCORDANT_REPEAT_REQUEST("ACQ.DISCORDANT_REPEAT_REQUEST", "不一致的请求",
            "same out_request_no with a different refund_amount");

    private final String wire;
    private final String msgZh;
    private final String msgEn;
    private final AlipayCode code;

    SubCode(String wire, String msgZh, String msgEn) {
        this(wire, msgZh, msgEn, AlipayCode.BUSINESS_FAILED);
    }

    SubCode(String wire, String msgZh, String msgEn, AlipayCode code) {
        this.wire = wire;
        this.msgZh = msgZh;
        this.msgEn = msgEn;
        this.code = code;
    }

    public String wire() {
        return wire;
    }

    /** What Alipay puts in {@code sub_msg}. */
    public String msgZh() {
        return msgZh;
    }

    public String msgEn() {
        return msgEn;
    }

    /** The top-level code this sub_code comes with. */
    public AlipayCode code() {
        return code;
    }
}
