package io.shoudan.channels.wechat;

import io.shoudan.channels.Scripted;
import io.shoudan.channels.TransportReply;

/** A WeChat Pay transport that answers what the test scripted. */
final class ScriptedWechat implements WechatTransport {

    final Scripted<MicropayRequest, MicropayResponse> micropay = new Scripted<>("micropay");
    final Scripted<OrderRequest, OrderQueryResponse> orderQuery = new Scripted<>("orderquery");
    final Scripted<OrderRequest, ReverseResponse> reverse = new Scripted<>("reverse");
    final Scripted<WechatRefundRequest, WechatRefundResponse> refund = new Scripted<>("refund");

    static MicropayResponse failed(String errCode) {
        return new MicropayResponse("SUCCESS", "OK", "FAIL", errCode, "描述", null, null);
    }

    static MicropayResponse paid(String bankType) {
        return new MicropayResponse("SUCCESS", "OK", "SUCCESS", null, null, "4200000000202611230000000001", bankType);
    }

    static OrderQueryResponse state(String tradeState) {
        return new OrderQueryResponse("SUCCESS", "OK", "SUCCESS", null, null, tradeState, "4200000000202611230000000001", "OTHERS");
    }

    @Override
    public TransportReply<MicropayResponse> micropay(MicropayRequest request) {
        return micropay.call(request);
    }

    @Override
    public TransportReply<OrderQueryResponse> orderQuery(OrderRequest request) {
        return orderQuery.call(request);
    }

    @Override
    public TransportReply<ReverseResponse> reverse(OrderRequest request) {
        return reverse.call(request);
    }

    @Override
    public TransportReply<WechatRefundResponse> refund(WechatRefundRequest request) {
        return refund.call(request);
    }
}
