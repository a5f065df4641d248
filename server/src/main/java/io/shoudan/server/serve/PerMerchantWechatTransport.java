package io.shoudan.server.serve;

import io.shoudan.channels.TransportReply;
import io.shoudan.channels.wechat.MicropayRequest;
import io.shoudan.channels.wechat.MicropayResponse;
import io.shoudan.channels.wechat.OrderQueryResponse;
import io.shoudan.channels.wechat.OrderRequest;
import io.shoudan.channels.wechat.ReverseResponse;
import io.shoudan.channels.wechat.WechatRefundRequest;
import io.shoudan.channels.wechat.WechatRefundResponse;
import io.shoudan.channels.wechat.WechatTransport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * WeChat Pay signs every request with the merchant's own API key, so one HTTP transport serves one
 * {@code mch_id}: this routes each request to its merchant's transport, made on first use.
 */
final class PerMerchantWechatTransport implements WechatTransport {

    private final Function<String, WechatTransport> transportOfMchId;
    private final Map<String, WechatTransport> transports = new ConcurrentHashMap<>();

    PerMerchantWechatTransport(Function<String, WechatTransport> transportOfMchId) {
        this.transportOfMchId = transportOfMchId;
    }

    private WechatTransport of(String mchId) {
        return transports.computeIfAbsent(mchId, transportOfMchId);
    }

    @Override
    public TransportReply<MicropayResponse> micropay(MicropayRequest request) {
        return of(request.mchId()).micropay(request);
    }

    @Override
    public TransportReply<OrderQueryResponse> orderQuery(OrderRequest request) {
        return of(request.mchId()).orderQuery(request);
    }

    @Override
    public TransportReply<ReverseResponse> reverse(OrderRequest request) {
        return of(request.mchId()).reverse(request);
    }

    @Override
    public TransportReply<WechatRefundResponse> refund(WechatRefundRequest request) {
        return of(request.mchId()).refund(request);
    }
}
