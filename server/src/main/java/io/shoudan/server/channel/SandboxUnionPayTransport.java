package io.shoudan.server.channel;

import io.shoudan.channels.TransportReply;
import io.shoudan.channels.unionpay.HostAnswer;
import io.shoudan.channels.unionpay.HostOriginal;
import io.shoudan.channels.unionpay.HostRefundRequest;
import io.shoudan.channels.unionpay.HostSaleRequest;
import io.shoudan.channels.unionpay.HostVoidRequest;
import io.shoudan.channels.unionpay.Stan;
import io.shoudan.channels.unionpay.UnionPayMerchantAccount;
import io.shoudan.channels.unionpay.UnionPayTransport;
import io.shoudan.payment.Instrument;
import io.shoudan.sandbox.fault.ChannelReply;
import io.shoudan.sandbox.unionpay.CardSaleRequest;
import io.shoudan.sandbox.unionpay.HostResponse;
import io.shoudan.sandbox.unionpay.QrSaleRequest;
import io.shoudan.sandbox.unionpay.QueryRequest;
import io.shoudan.sandbox.unionpay.RefundRequest;
import io.shoudan.sandbox.unionpay.ReversalRequest;
import io.shoudan.sandbox.unionpay.TerminalRef;
import io.shoudan.sandbox.unionpay.UnionPaySimulator;
import io.shoudan.sandbox.unionpay.VoidRequest;

import java.util.Objects;

/** The UnionPay adapter's transport over the in-process sandbox host (the ISO 8583 TCP link replaces it). */
public final class SandboxUnionPayTransport implements UnionPayTransport {

    private final UnionPaySimulator host;
    private final SandboxCards cards;

    public SandboxUnionPayTransport(UnionPaySimulator host, SandboxCards cards) {
        this.host = Objects.requireNonNull(host, "host");
        this.cards = Objects.requireNonNull(cards, "cards");
    }

    @Override
    public TransportReply<HostAnswer> sale(HostSaleRequest request) {
        TerminalRef terminal = terminal(request.account(), request.stan());
        ChannelReply<HostResponse> reply = switch (request.instrument()) {
            case Instrument.ScannedCode code -> host.qrSale(new QrSaleRequest(terminal, code.code(), request.amount()));
            case Instrument.CardReference card -> {
                // A reference the ingress does not hold is a bug upstream, not the host's answer to give.
                SandboxCards.CardData data = cards.find(card)
                        .orElseThrow(() -> new IllegalStateException("no card data held for reference " + card.token()));
                yield host.sale(new CardSaleRequest(terminal, data.pan(), data.pin(), request.amount()));
            }
        };
        return Replies.of(reply, SandboxUnionPayTransport::answer);
    }

    @Override
    public TransportReply<HostAnswer> query(HostOriginal original) {
        return Replies.of(host.query(new QueryRequest(terminal(original.account(), original.originalStan()))), SandboxUnionPayTransport::answer);
    }

    @Override
    public TransportReply<HostAnswer> reversal(HostOriginal original) {
        return Replies.of(host.reversal(new ReversalRequest(terminal(original.account(), original.originalStan()))),
                SandboxUnionPayTransport::answer);
    }

    @Override
    public TransportReply<HostAnswer> voidSale(HostVoidRequest request) {
        VoidRequest sent = new VoidRequest(terminal(request.account(), request.stan()), request.originalStan().value(), null, null,
                request.amount());
        return Replies.of(host.voidSale(sent), SandboxUnionPayTransport::answer);
    }

    @Override
    public TransportReply<HostAnswer> refund(HostRefundRequest request) {
        RefundRequest sent = new RefundRequest(terminal(request.account(), request.stan()), request.originalRrn(), request.amount());
        return Replies.of(host.refund(sent), SandboxUnionPayTransport::answer);
    }

    private static TerminalRef terminal(UnionPayMerchantAccount account, Stan stan) {
        return new TerminalRef(account.merchantNo(), account.terminalId(), stan.value());
    }

    private static HostAnswer answer(HostResponse response) {
        return new HostAnswer(response.field39() == null ? null : response.field39().field39(), response.rrn(),
                response.originalStatus() == null ? null : response.originalStatus().name(),
                response.originalField39() == null ? null : response.originalField39().field39());
    }
}
