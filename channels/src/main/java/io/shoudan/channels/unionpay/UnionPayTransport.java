package io.shoudan.channels.unionpay;

import io.shoudan.channels.TransportReply;

/**
 * How the adapter reaches the UnionPay host: ISO 8583 over TCP (packing, MAC, PIN block: the iso8583
 * module) or the in-process sandbox. {@link TransportReply.NoAnswer} for a timeout or a broken link.
 */
public interface UnionPayTransport {

    TransportReply<HostAnswer> sale(HostSaleRequest request);

    TransportReply<HostAnswer> query(HostOriginal original);

    TransportReply<HostAnswer> reversal(HostOriginal original);

    TransportReply<HostAnswer> voidSale(HostVoidRequest request);

    TransportReply<HostAnswer> refund(HostRefundRequest request);
}
