package io.shoudan.channels.mapping;

import io.shoudan.method.Channel;
import io.shoudan.payment.PendingCause;
import io.shoudan.payment.RawCode;
import io.shoudan.reason.ReasonCode;

import java.util.List;
import java.util.Optional;

import static io.shoudan.channels.mapping.CodeMeaning.query;
import static io.shoudan.channels.mapping.CodeMeaning.refusal;

/** ISO 8583 field 39 as the UnionPay host answers it (CUPS POS specification family), as data (docs/CHANNELS.md). */
public final class Field39Codes {

    public static final String APPROVED = "00";

    public static final CodeTable CODES = new CodeTable(Channel.UNIONPAY, "field 39", List.of(
            new CodeRow("00", "承兑或交易成功", "approved", new CodeMeaning.Approved()),
            new CodeRow("03", "商户未登记", "invalid merchant", refusal(ReasonCode.INTEGRATION_CHANNEL_NOT_CONNECTED)),
            new CodeRow("05", "不予承兑", "do not honour", refusal(ReasonCode.CONSUMER_ISSUER_DECLINED)),
            new CodeRow("09", "交易处理中", "in progress (QR holder confirming): query", query(PendingCause.CONSUMER_CONFIRMING)),
            new CodeRow("12", "无效交易", "invalid transaction", refusal(ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE)),
            new CodeRow("13", "无效金额", "invalid amount", refusal(ReasonCode.OPERATION_INVALID_AMOUNT)),
            new CodeRow("14", "无效卡号或付款码", "invalid card number or payment code", refusal(ReasonCode.CONSUMER_PAYMENT_CODE_INVALID)),
            new CodeRow("25", "找不到原始交易", "original not found", refusal(ReasonCode.OPERATION_ORIGINAL_NOT_FOUND)),
            new CodeRow("30", "报文格式错误", "format error",
                    refusal(ReasonCode.INTEGRATION_REQUEST_REJECTED)),
            new CodeRow("40", "请求的功能尚不支持", "function not supported", refusal(ReasonCode.INTEGRATION_METHOD_NOT_OFFERED)),
            new CodeRow("51", "余额不足", "insufficient funds", refusal(ReasonCode.CONSUMER_INSUFFICIENT_FUNDS)),
            new CodeRow("54", "过期的卡或付款码", "expired card or payment code", refusal(ReasonCode.CONSUMER_PAYMENT_CODE_INVALID)),
            new CodeRow("55", "密码错", "incorrect PIN", refusal(ReasonCode.CONSUMER_PIN_INVALID)),
            new CodeRow("57", "不允许持卡人进行的交易", "not permitted to cardholder", refusal(ReasonCode.CONSUMER_ACCOUNT_FROZEN)),
            new CodeRow("58", "不允许终端进行的交易", "not permitted to terminal", refusal(ReasonCode.MERCHANT_PRODUCT_NOT_SIGNED)),
            new CodeRow("59", "有作弊嫌疑", "suspected fraud", refusal(ReasonCode.CONSUMER_RISK_REJECTED)),
            new CodeRow("61", "超出金额限制", "exceeds amount limit",
                    refusal(ReasonCode.CONSUMER_LIMIT_EXCEEDED)),
            new CodeRow("64", "原始金额错误", "original amount incorrect", refusal(ReasonCode.OPERATION_INVALID_AMOUNT)),
            new CodeRow("65", "超出取款/消费次数限制", "exceeds frequency limit",
                    refusal(ReasonCode.CONSUMER_LIMIT_EXCEEDED)),
            new CodeRow("68", "交易超时，请重试", "response received too late: result unknown", query(PendingCause.TIMEOUT)),
            // The issuer could not be reached: the switch declined, nothing moved; the channel is fine.
            new CodeRow("91", "发卡方或交换中心不能操作", "issuer or switch inoperative", refusal(ReasonCode.MAINTENANCE_CHANNEL_UNAVAILABLE)),
            new CodeRow("94", "重复交易", "duplicate transmission", refusal(ReasonCode.OPERATION_DUPLICATE_REQUEST)),
            new CodeRow("96", "系统异常、失效", "system malfunction: result unknown", query(PendingCause.SYSTEM_ERROR)),
            new CodeRow("98", "交换中心收不到发卡方应答", "issuer response not received in time: result unknown", query(PendingCause.TIMEOUT)),
            new CodeRow("A0", "MAC校验错", "MAC verification failed", refusal(ReasonCode.SECURITY_MAC_INVALID))));

    private Field39Codes() {
    }

    /**
     * Classifies field 39. A host that answers has decided, so an unknown code is a refusal with the raw
     * code kept (counted as unmapped); only the codes the table marks (09, 68, 96, 98) and a missing
     * field 39 leave the outcome unknown.
     */
    public static Classified classify(String field39) {
        if (field39 == null || field39.isBlank()) {
            return new Classified(query(PendingCause.SYSTEM_ERROR), new RawCode("39=none"), false);
        }
        RawCode raw = RawCodes.of("39=" + field39);
        Optional<CodeRow> row = CODES.find(field39);
        return row.map(r -> new Classified(r.meaning(false), raw, true))
                .orElseGet(() -> new Classified(refusal(ReasonCode.INTEGRATION_UNMAPPED_REFUSAL), raw, false));
    }
}
