package io.shoudan.channels.alipay;

import io.shoudan.channels.TransportReply;

/**
 * How the adapter reaches Alipay: the Open API gateway over HTTPS (RSA2-signed, the official SDK) or
 * the in-process sandbox. A transport signs, sends and parses; it never interprets codes, and it
 * returns {@link TransportReply.NoAnswer} rather than throwing when nothing usable came back (a
 * response whose signature does not verify is no answer either: it cannot be trusted).
 */
public interface AlipayTransport {

    TransportReply<AlipayPayResponse> pay(AlipayPayRequest request);

    TransportReply<AlipayQueryResponse> query(AlipayTradeRequest request);

    TransportReply<AlipayCancelResponse> cancel(AlipayTradeRequest request);

    TransportReply<AlipayRefundResponse> refund(AlipayRefundRequest request);
}
