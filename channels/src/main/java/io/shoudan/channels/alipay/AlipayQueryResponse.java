package io.shoudan.channels.alipay;

import java.util.List;

/** {@code alipay_trade_query_response}; {@code tradeStatus}: WAIT_BUYER_PAY, TRADE_CLOSED, TRADE_SUCCESS, TRADE_FINISHED. */
public record AlipayQueryResponse(String code, String msg, String subCode, String subMsg, String tradeNo, String tradeStatus,
                                  List<AlipayFundBill> fundBillList, Integer userInstallNum) {

    public AlipayQueryResponse {
        fundBillList = fundBillList == null ? List.of() : List.copyOf(fundBillList);
    }
}
