package io.shoudan.sandbox.alipay;

import io.shoudan.money.Money;
import java.time.LocalDateTime;
import java.util.List;

/** {@code alipay_trade_query_response}. Null: absent. {@code sendPayDate} is Beijing time. */
public record TradeQueryResponse(
        AlipayCode code,
        String msg,
        SubCode subCode,
        String subMsg,
        String tradeNo,
        String outTradeNo,
        String buyerLogonId,
        TradeStatus tradeStatus,
        Money totalAmount,
        Money receiptAmount,
        Money buyerPayAmount,
        LocalDateTime sendPayDate,
        List<FundBill> fundBillList,
        HbFqPayInfo hbFqPayInfo) {

    public TradeQueryResponse {
        fundBillList = fundBillList == null ? null : List.copyOf(fundBillList);
    }

    static TradeQueryResponse failed(SubCode subCode, String outTradeNo, String tradeNo) {
        return new TradeQueryResponse(subCode.code(), subCode.code().msg(), subCode, subCode.msgZh(), tradeNo,
                outTradeNo, null, null, null, null, null, null, null, null);
    }
}
