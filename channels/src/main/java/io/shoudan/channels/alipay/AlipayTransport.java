package io.shoudan.channels.alipay;

import io.shoudan.channels.TransportReply;

/**
 * How the adapter reaches Alipay: the Open API gateway over HTTPS (RSA2-signed, the official SDK) or
 * the in-process sandbox. A transport signs, sends and parses; it never interprets codes, and it
 * returns {@link TransportReply.NoAnswer} rather than throwing when nothing came back, and
 * {@link TransportReply.Untrusted} for a response whose signature does not verify (it cannot be
 * believed either way; the adapter keeps {@code SECURITY.SIGNATURE_INVALID} and the payment is queried).
 */
public interface AlipayTransport {

    TransportReply<AlipayPayResponse> pay(AlipayPayRequest request);

    TransportReply<AlipayQueryResponse> query(AlipayTradeRequest request);

    TransportReply<AlipayCancelResponse> cancel(AlipayTradeRequest request);

    TransportReply<AlipayRefundResponse> refund(AlipayRefundRequest request);
}
