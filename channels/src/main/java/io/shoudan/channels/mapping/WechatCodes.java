package io.shoudan.channels.mapping;

import io.shoudan.method.Channel;
import io.shoudan.payment.PendingCause;
import io.shoudan.payment.RawCode;
import io.shoudan.reason.ReasonCode;

import java.util.List;
import java.util.Optional;

import static io.shoudan.channels.mapping.CodeMeaning.query;
import static io.shoudan.channels.mapping.CodeMeaning.refusal;

/** WeChat Pay v2 micropay {@code return_code} / {@code result_code} / {@code err_code}, as data (docs/CHANNELS.md). */
public final class WechatCodes {

    public static final String SUCCESS = "SUCCESS";

    public static final CodeTable ERR_CODES = new CodeTable(Channel.WECHAT, "err_code", List.of(
            new CodeRow("USERPAYING", "需要用户输入支付密码", "buyer must enter the password: query", query(PendingCause.CONSUMER_CONFIRMING)),
            new CodeRow("SYSTEMERROR", "系统超时", "system error: result unknown, query", query(PendingCause.SYSTEM_ERROR)),
            new CodeRow("BANKERROR", "银行系统异常", "bank failure: result unknown, query", query(PendingCause.SYSTEM_ERROR)),
            new CodeRow("AUTHCODEEXPIRE", "二维码已过期，请用户在微信上刷新后再试", "payment code expired",
                    refusal(ReasonCode.CONSUMER_PAYMENT_CODE_INVALID)),
            new CodeRow("NOTENOUGH", "余额不足", "buyer's balance not enough", refusal(ReasonCode.CONSUMER_INSUFFICIENT_FUNDS)),
            new CodeRow("NOTSUPORTCARD", "不支持卡类型", "card type not accepted here (limit_pay)",
                    refusal(ReasonCode.CONSUMER_INSTRUMENT_NOT_ACCEPTED)),
            new CodeRow("ORDERPAID", "订单已支付", "order already paid (retry): query for it", new CodeMeaning.AlreadyPaid()),
            new CodeRow("ORDERCLOSED", "订单已关闭", "order closed: a new out_trade_no is needed",
                    refusal(ReasonCode.OPERATION_TRADE_CLOSED)),
            new CodeRow("ORDERREVERSED", "订单已撤销", "order reversed: a new out_trade_no is needed",
                    refusal(ReasonCode.OPERATION_TRADE_CLOSED)),
            new CodeRow("AUTH_CODE_ERROR", "授权码参数错误", "not a WeChat payment code (another wallet's code scanned?)",
                    refusal(ReasonCode.OPERATION_CODE_METHOD_MISMATCH)),
            new CodeRow("AUTH_CODE_INVALID", "授权码检验错误", "payment code unknown or already used",
                    refusal(ReasonCode.CONSUMER_PAYMENT_CODE_INVALID)),
            new CodeRow("TRADE_ERROR", "交易错误", "buyer's account abnormal or refused by risk control",
                    refusal(ReasonCode.CONSUMER_RISK_REJECTED)),
            new CodeRow("BUYER_MISMATCH", "支付帐号错误", "the order already has another buyer",
                    refusal(ReasonCode.OPERATION_DUPLICATE_REQUEST)),
            new CodeRow("REVERSE_EXPIRE", "订单无法撤销", "past the reverse time limit: refund instead",
                    refusal(ReasonCode.OPERATION_NOT_VOIDABLE)),
            new CodeRow("PARAM_ERROR", "参数错误", "invalid parameter",
                    refusal(ReasonCode.INTEGRATION_REQUEST_REJECTED)),
            new CodeRow("NOAUTH", "商户无此接口权限", "merchant may not use micropay (not signed or blocked)",
                    refusal(ReasonCode.MERCHANT_PRODUCT_NOT_SIGNED)),
            new CodeRow("OUT_TRADE_NO_USED", "商户订单号重复", "same out_trade_no with different content",
                    refusal(ReasonCode.OPERATION_DUPLICATE_REQUEST)),
            new CodeRow("ORDERNOTEXIST", "此交易订单号不存在", "no such order (query: not seen yet; refund: refused)",
                    refusal(ReasonCode.OPERATION_ORIGINAL_NOT_FOUND)),
            new CodeRow("SIGNERROR", "签名错误", "signature invalid", refusal(ReasonCode.SECURITY_SIGNATURE_INVALID)),
            new CodeRow("ERROR", "业务错误", "refund refused", refusal(ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE))));

    private WechatCodes() {
    }

    /**
     * Classifies a micropay / refund answer. {@code return_code=FAIL} means the call itself failed
     * (gateway busy, merchant unknown, malformed request): nothing says whether a retried order was
     * paid, so it is an unknown outcome to query. With {@code result_code=FAIL}, WeChat's rule is that
     * every err_code other than USERPAYING / SYSTEMERROR / BANKERROR is a definitive failure, so an
     * unknown err_code is a refusal with the raw code kept (counted as unmapped); a FAIL without any
     * err_code is unknown.
     */
    public static Classified classify(String returnCode, String resultCode, String errCode) {
        if (!SUCCESS.equals(returnCode)) {
            return new Classified(query(PendingCause.SYSTEM_ERROR), RawCodes.of("return_code=" + String.valueOf(returnCode)),
                    true);
        }
        if (SUCCESS.equals(resultCode)) {
            return new Classified(new CodeMeaning.Approved(), new RawCode(SUCCESS), true);
        }
        if (errCode == null || errCode.isBlank()) {
            return new Classified(query(PendingCause.SYSTEM_ERROR), RawCodes.of("result_code=" + String.valueOf(resultCode)),
                    false);
        }
        RawCode raw = RawCodes.of(errCode);
        Optional<CodeRow> row = ERR_CODES.find(errCode);
        return row.map(r -> new Classified(r.meaning(false), raw, true))
                .orElseGet(() -> new Classified(refusal(ReasonCode.INTEGRATION_UNMAPPED_REFUSAL), raw, false));
    }
}
