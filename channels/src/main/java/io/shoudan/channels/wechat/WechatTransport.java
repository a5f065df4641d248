package io.shoudan.channels.wechat;

import io.shoudan.channels.TransportReply;

/**
 * How the adapter reaches WeChat Pay v2: XML over HTTPS with HMAC-SHA256 signing, or the in-process
 * sandbox. A transport signs, sends and parses; it never interprets codes and answers
 * {@link TransportReply.NoAnswer} instead of throwing; a response whose signature fails is
 * {@link TransportReply.Untrusted} (unknown outcome, {@code SECURITY.SIGNATURE_INVALID} kept, queried).
 */
public interface WechatTransport {

    TransportReply<MicropayResponse> micropay(MicropayRequest request);

    TransportReply<OrderQueryResponse> orderQuery(OrderRequest request);

    TransportReply<ReverseResponse> reverse(OrderRequest request);

    TransportReply<WechatRefundResponse> refund(WechatRefundRequest request);
}
