package io.shoudan.channels.alipay;

import java.util.List;

/**
 * {@code alipay_trade_pay_response} (null: absent).
 *
 * @param userInstallNum {@code hb_fq_pay_info.user_install_num}, null without installments
 */
public record AlipayPayResponse(String code, String msg, String subCode, String subMsg, String tradeNo, String outTradeNo,
                                List<AlipayFundBill> fundBillList, Integer userInstallNum) {

    public AlipayPayResponse {
        fundBillList = fundBillList == null ? List.of() : List.copyOf(fundBillList);
    }
}
