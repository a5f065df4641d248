package io.shoudan.channels.unionpay;

import io.shoudan.channels.Scripted;
import io.shoudan.channels.TransportReply;

/** A UnionPay host link that answers what the test scripted. */
final class ScriptedHost implements UnionPayTransport {

    final Scripted<HostSaleRequest, HostAnswer> sale = new Scripted<>("sale");
    final Scripted<HostOriginal, HostAnswer> query = new Scripted<>("query");
    final Scripted<HostOriginal, HostAnswer> reversal = new Scripted<>("reversal");
    final Scripted<HostVoidRequest, HostAnswer> voidSale = new Scripted<>("void");
    final Scripted<HostRefundRequest, HostAnswer> refund = new Scripted<>("refund");

    static HostAnswer field39(String code) {
        return new HostAnswer(code, "00".equals(code) ? "331102000001" : null, null, null);
    }

    @Override
    public TransportReply<HostAnswer> sale(HostSaleRequest request) {
        return sale.call(request);
    }

    @Override
    public TransportReply<HostAnswer> query(HostOriginal original) {
        return query.call(original);
    }

    @Override
    public TransportReply<HostAnswer> reversal(HostOriginal original) {
        return reversal.call(original);
    }

    @Override
    public TransportReply<HostAnswer> voidSale(HostVoidRequest request) {
        return voidSale.call(request);
    }

    @Override
    public TransportReply<HostAnswer> refund(HostRefundRequest request) {
        return refund.call(request);
    }
}
