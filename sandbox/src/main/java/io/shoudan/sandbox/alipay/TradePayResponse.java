package io.shoudan.sandbox.alipay;

import io.shoudan.money.Money;
import java.time.LocalDateTime;
import java.util.List;

/**
 * {@code alipay_trade_pay_response}. Null: absent from the JSON. {@code gmtPayment} is Beijing time.
 */
public record TradePayResponse(
        AlipayCode code,
        String msg,
        SubCode subCode,
        String subMsg,
        String tradeNo,
        String outTradeNo,
        String buyerLogonId,
        Money totalAmount,
        Money receiptAmount,
        Money buyerPayAmount,
        LocalDateTime gmtPayment,
        List<FundBill> fundBillList,
        HbFqPayInfo hbFqPayInfo) {

    public TradePayResponse {
        fundBillList = fundBillList == null ? null : List.copyOf(fundBillList);
    }

    static TradePayResponse failed(SubCode subCode, String outTradeNo) {
        return new TradePayResponse(subCode.code(), subCode.code().msg(), subCode, subCode.msgZh(), null,
                outTradeNo, null, null, null, null, null, null, null);
    }
}
