package io.shoudan.channels.alipay;

import io.shoudan.channels.Scripted;
import io.shoudan.channels.TransportReply;
import io.shoudan.money.Money;

import java.util.List;

/** An Alipay transport that answers what the test scripted. */
final class ScriptedAlipay implements AlipayTransport {

    final Scripted<AlipayPayRequest, AlipayPayResponse> pay = new Scripted<>("pay");
    final Scripted<AlipayTradeRequest, AlipayQueryResponse> query = new Scripted<>("query");
    final Scripted<AlipayTradeRequest, AlipayCancelResponse> cancel = new Scripted<>("cancel");
    final Scripted<AlipayRefundRequest, AlipayRefundResponse> refund = new Scripted<>("refund");

    static AlipayPayResponse failed(String code, String subCode) {
        return new AlipayPayResponse(code, "Business Failed", subCode, "子错误", null, "P-T-000000000042", null, null);
    }

    static AlipayPayResponse paid(String fundChannel, String fundType) {
        return new AlipayPayResponse("10000", "Success", null, null, "2026112322001400000000000001", "P-T-000000000042",
                List.of(new AlipayFundBill(fundChannel, fundType, Money.parse("100.00"))), null);
    }

    static AlipayQueryResponse status(String tradeStatus) {
        return new AlipayQueryResponse("10000", "Success", null, null, "2026112322001400000000000001", tradeStatus,
                List.of(new AlipayFundBill("ALIPAYACCOUNT", null, Money.parse("100.00"))), null);
    }

    @Override
    public TransportReply<AlipayPayResponse> pay(AlipayPayRequest request) {
        return pay.call(request);
    }

    @Override
    public TransportReply<AlipayQueryResponse> query(AlipayTradeRequest request) {
        return query.call(request);
    }

    @Override
    public TransportReply<AlipayCancelResponse> cancel(AlipayTradeRequest request) {
        return cancel.call(request);
    }

    @Override
    public TransportReply<AlipayRefundResponse> refund(AlipayRefundRequest request) {
        return refund.call(request);
    }
}
