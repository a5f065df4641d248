package io.shoudan.channels.mapping;

import io.shoudan.method.Channel;
import io.shoudan.payment.PendingCause;
import io.shoudan.payment.RawCode;
import io.shoudan.reason.ReasonCode;

import java.util.List;
import java.util.Optional;

import static io.shoudan.channels.mapping.CodeMeaning.query;
import static io.shoudan.channels.mapping.CodeMeaning.refusal;

/**
 * Alipay Open API codes (当面付): top-level {@code code} and {@code sub_code}. The table is the data
 * documented in docs/CHANNELS.md; {@link #classify} only adds the rules for codes the table does not
 * know.
 */
public final class AlipayCodes {

    public static final String SUCCESS = "10000";
    public static final String WAITING_FOR_BUYER = "10003";
    public static final String SERVICE_UNAVAILABLE = "20000";
    public static final String BUSINESS_FAILED = "40004";

    /** Every sub_code of CHANNELS.md, plus those of query / cancel / refund and the gateway's own. */
    public static final CodeTable SUB_CODES = new CodeTable(Channel.ALIPAY, "sub_code", List.of(
            new CodeRow("ACQ.SYSTEM_ERROR", "系统错误", "system error: result unknown, query at once", query(PendingCause.SYSTEM_ERROR)),
            new CodeRow("isp.unknow-error", "系统繁忙", "service busy (code 20000): result unknown", query(PendingCause.SYSTEM_ERROR)),
            new CodeRow("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付授权码无效", "payment code invalid, expired or used",
                    refusal(ReasonCode.CONSUMER_PAYMENT_CODE_INVALID)),
            new CodeRow("ACQ.BUYER_BALANCE_NOT_ENOUGH", "买家余额不足", "buyer's funds not enough",
                    refusal(ReasonCode.CONSUMER_INSUFFICIENT_FUNDS)),
            new CodeRow("ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH", "用户银行卡余额不足", "buyer's bank card balance not enough",
                    refusal(ReasonCode.CONSUMER_INSUFFICIENT_FUNDS)),
            new CodeRow("ACQ.BUYER_ENABLE_STATUS_FORBID", "买家状态非法", "buyer's account frozen or restricted",
                    refusal(ReasonCode.CONSUMER_ACCOUNT_FROZEN)),
            new CodeRow("ACQ.TRADE_HAS_SUCCESS", "交易已被支付", "the trade was already paid (retry): query for it",
                    new CodeMeaning.AlreadyPaid()),
            new CodeRow("ACQ.TRADE_HAS_CLOSE", "交易已经关闭", "the trade is closed: a new out_trade_no is needed",
                    refusal(ReasonCode.OPERATION_TRADE_CLOSED)),
            new CodeRow("ACQ.PAYMENT_FAIL", "支付失败", "payment failed (bank refused, buyer limit)",
                    refusal(ReasonCode.CONSUMER_ISSUER_DECLINED)),
            new CodeRow("ACQ.SELLER_BEEN_BLOCKED", "商家账号被冻结", "merchant's account blocked",
                    refusal(ReasonCode.MERCHANT_SUSPENDED)),
            new CodeRow("ACQ.PRODUCT_AMOUNT_LIMIT_ERROR", "产品额度超限", "above the per-trade limit of the merchant's product",
                    refusal(ReasonCode.MERCHANT_LIMIT_EXCEEDED)),
            new CodeRow("ACQ.BEYOND_PAY_RESTRICTION", "商户收款额度超限", "merchant's receipt limit (day) reached",
                    refusal(ReasonCode.MERCHANT_LIMIT_EXCEEDED)),
            new CodeRow("ACQ.BEYOND_PER_RECEIPT_RESTRICTION", "商户收款金额超过月限额", "merchant's monthly receipt limit reached",
                    refusal(ReasonCode.MERCHANT_LIMIT_EXCEEDED)),
            new CodeRow("ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR", "买家付款日限额超限", "buyer's daily payment limit reached",
                    refusal(ReasonCode.CONSUMER_LIMIT_EXCEEDED)),
            new CodeRow("ACQ.PAYMENT_REQUEST_HAS_RISK", "支付有风险", "refused by risk control",
                    refusal(ReasonCode.CONSUMER_RISK_REJECTED)),
            // Huabei-only buyers meet this when we disabled pcredit: from the counter's point of view the
            // consumer has nothing usable here and must pay with another source, like a short balance.
            // Without our disabling, every source is unusable — in practice Huabei closed / frozen / overdue.
            new CodeRow("ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE", "没有可用的支付工具", "no usable payment instrument",
                    refusal(ReasonCode.CONSUMER_HUABEI_UNAVAILABLE), refusal(ReasonCode.CONSUMER_INSUFFICIENT_FUNDS)),
            new CodeRow("ACQ.TOTAL_FEE_EXCEED", "订单总金额超过限额", "total_amount above what a trade may be",
                    refusal(ReasonCode.POLICY_AMOUNT_OUT_OF_RANGE)),
            new CodeRow("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改", "same out_trade_no with different content",
                    refusal(ReasonCode.OPERATION_DUPLICATE_REQUEST)),
            new CodeRow("ACQ.ACCESS_FORBIDDEN", "无权限使用接口", "merchant has not signed the product",
                    refusal(ReasonCode.MERCHANT_PRODUCT_NOT_SIGNED)),
            new CodeRow("ACQ.ERROR_BUYER_CERTIFY_LEVEL_LIMIT", "买家未通过人行认证", "buyer not real-name certified",
                    refusal(ReasonCode.CONSUMER_NOT_CERTIFIED)),
            new CodeRow("ACQ.INVALID_PARAMETER", "参数无效", "invalid parameter",
                    refusal(ReasonCode.INTEGRATION_REQUEST_REJECTED)),
            new CodeRow("isv.invalid-app-id", "无效的AppID参数", "unknown app_id (code 40002)",
                    refusal(ReasonCode.INTEGRATION_CHANNEL_NOT_CONNECTED)),
            new CodeRow("isv.invalid-signature", "无效签名", "request signature invalid (code 40002)",
                    refusal(ReasonCode.SECURITY_SIGNATURE_INVALID)),
            new CodeRow("ACQ.TRADE_NOT_EXIST", "交易不存在", "no such trade (query: not seen yet; refund: refused)",
                    refusal(ReasonCode.OPERATION_ORIGINAL_NOT_FOUND)),
            new CodeRow("ACQ.TRADE_STATUS_ERROR", "交易状态非法", "the trade's status does not allow this",
                    refusal(ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE)),
            new CodeRow("ACQ.TRADE_HAS_FINISHED", "交易已完结", "trade finished: no more refunds",
                    refusal(ReasonCode.OPERATION_NOT_REFUNDABLE)),
            new CodeRow("ACQ.TRADE_CANCEL_TIME_OUT", "超过撤销时间范围", "past the 24 h cancel limit",
                    refusal(ReasonCode.OPERATION_NOT_VOIDABLE)),
            new CodeRow("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限", "refund above what is left",
                    refusal(ReasonCode.OPERATION_REFUND_ABOVE_REMAINING)),
            new CodeRow("ACQ.DISCORDANT_REPEAT_REQUEST", "不一致的请求", "same out_request_no, other refund_amount",
                    refusal(ReasonCode.OPERATION_DUPLICATE_REQUEST))));

    private AlipayCodes() {
    }

    /**
     * Classifies a pay / refund answer. Codes no table knows get a safe default and {@code mapped=false}:
     * a {@code 40004} business failure stays a refusal (Alipay has decided; the raw code is kept);
     * {@code isp.*} (Alipay's own failures), anything naming SYSTEM_ERROR, {@code 20000} and any
     * top-level code we do not know are unknown outcomes to query — money may have moved;
     * {@code 4000x} other than 40004 (request errors: missing / invalid parameters, permissions) are
     * refusals of the integration.
     */
    public static Classified classify(String code, String subCode, boolean huabeiDisabled) {
        RawCode raw = raw(code, subCode);
        if (SUCCESS.equals(code)) {
            return new Classified(new CodeMeaning.Approved(), raw, true);
        }
        if (WAITING_FOR_BUYER.equals(code)) {
            return new Classified(query(PendingCause.CONSUMER_CONFIRMING), raw, true);
        }
        Optional<CodeRow> row = SUB_CODES.find(subCode);
        if (row.isPresent()) {
            return new Classified(row.get().meaning(huabeiDisabled), raw, true);
        }
        boolean subCodeKnownAbsent = subCode == null;
        if (SERVICE_UNAVAILABLE.equals(code)) {
            return new Classified(query(PendingCause.SYSTEM_ERROR), raw, subCodeKnownAbsent);
        }
        if (subCode != null && (subCode.startsWith("isp.") || subCode.contains("SYSTEM_ERROR"))) {
            return new Classified(query(PendingCause.SYSTEM_ERROR), raw, false);
        }
        if (BUSINESS_FAILED.equals(code)) {
            return new Classified(refusal(ReasonCode.INTEGRATION_UNMAPPED_REFUSAL), raw, false);
        }
        if (code != null && code.matches("4000[0-9]")) {
            return new Classified(refusal(ReasonCode.INTEGRATION_REQUEST_REJECTED), raw, false);
        }
        return new Classified(query(PendingCause.SYSTEM_ERROR), raw, false);
    }

    /** {@code 10000}, {@code 10003}, {@code 40004/ACQ.BUYER_BALANCE_NOT_ENOUGH}. */
    public static RawCode raw(String code, String subCode) {
        String top = code == null || code.isBlank() ? "NO_CODE" : code;
        return RawCodes.of(subCode == null || subCode.isBlank() ? top : top + "/" + subCode);
    }
}
