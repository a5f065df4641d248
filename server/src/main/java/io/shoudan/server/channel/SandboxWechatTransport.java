package io.shoudan.server.channel;

import io.shoudan.channels.TransportReply;
import io.shoudan.channels.wechat.MicropayRequest;
import io.shoudan.channels.wechat.MicropayResponse;
import io.shoudan.channels.wechat.OrderQueryResponse;
import io.shoudan.channels.wechat.OrderRequest;
import io.shoudan.channels.wechat.ReverseResponse;
import io.shoudan.channels.wechat.WechatRefundRequest;
import io.shoudan.channels.wechat.WechatRefundResponse;
import io.shoudan.channels.wechat.WechatTransport;
import io.shoudan.sandbox.wechat.ErrCode;
import io.shoudan.sandbox.wechat.OrderQueryRequest;
import io.shoudan.sandbox.wechat.RefundRequest;
import io.shoudan.sandbox.wechat.ReverseRequest;
import io.shoudan.sandbox.wechat.WechatPaySimulator;

import java.util.Objects;

/** The WeChat Pay adapter's transport over the in-process sandbox (the XML / HMAC-SHA256 transport replaces it). */
public final class SandboxWechatTransport implements WechatTransport {

    private final WechatPaySimulator wechat;

    public SandboxWechatTransport(WechatPaySimulator wechat) {
        this.wechat = Objects.requireNonNull(wechat, "wechat");
    }

    @Override
    public TransportReply<MicropayResponse> micropay(MicropayRequest request) {
        var sent = new io.shoudan.sandbox.wechat.MicropayRequest(request.appid(), request.mchId(), request.deviceInfo(), request.body(),
                request.outTradeNo(), request.totalFee(), "CNY", "127.0.0.1", request.authCode(), request.limitPay(), null);
        return Replies.of(wechat.micropay(sent), r -> new MicropayResponse(r.returnCode(), r.returnMsg(), r.resultCode(), wire(r.errCode()),
                r.errCodeDes(), r.transactionId(), r.bankType()));
    }

    @Override
    public TransportReply<OrderQueryResponse> orderQuery(OrderRequest request) {
        return Replies.of(wechat.orderQuery(new OrderQueryRequest(request.appid(), request.mchId(), request.transactionId(), request.outTradeNo())),
                r -> new OrderQueryResponse(r.returnCode(), r.returnMsg(), r.resultCode(), wire(r.errCode()), r.errCodeDes(),
                        r.tradeState() == null ? null : r.tradeState().name(), r.transactionId(), r.bankType()));
    }

    @Override
    public TransportReply<ReverseResponse> reverse(OrderRequest request) {
        return Replies.of(wechat.reverse(new ReverseRequest(request.appid(), request.mchId(), request.transactionId(), request.outTradeNo())),
                r -> new ReverseResponse(r.returnCode(), r.returnMsg(), r.resultCode(), wire(r.errCode()), r.errCodeDes(), r.recall()));
    }

    @Override
    public TransportReply<WechatRefundResponse> refund(WechatRefundRequest request) {
        RefundRequest sent = new RefundRequest(request.appid(), request.mchId(), request.transactionId(), request.outTradeNo(),
                request.outRefundNo(), request.totalFee(), request.refundFee());
        return Replies.of(wechat.refund(sent), r -> new WechatRefundResponse(r.returnCode(), r.returnMsg(), r.resultCode(), wire(r.errCode()),
                r.errCodeDes(), r.refundId()));
    }

    private static String wire(ErrCode errCode) {
        return errCode == null ? null : errCode.wire();
    }
}
