package io.shoudan.server.channel;

import io.shoudan.channels.TransportReply;
import io.shoudan.channels.alipay.AlipayCancelResponse;
import io.shoudan.channels.alipay.AlipayFundBill;
import io.shoudan.channels.alipay.AlipayPayRequest;
import io.shoudan.channels.alipay.AlipayPayResponse;
import io.shoudan.channels.alipay.AlipayQueryResponse;
import io.shoudan.channels.alipay.AlipayRefundRequest;
import io.shoudan.channels.alipay.AlipayRefundResponse;
import io.shoudan.channels.alipay.AlipayTradeRequest;
import io.shoudan.channels.alipay.AlipayTransport;
import io.shoudan.sandbox.alipay.AlipaySimulator;
import io.shoudan.sandbox.alipay.ExtendParams;
import io.shoudan.sandbox.alipay.FundBill;
import io.shoudan.sandbox.alipay.HbFqPayInfo;
import io.shoudan.sandbox.alipay.SubCode;
import io.shoudan.sandbox.alipay.TradeCancelRequest;
import io.shoudan.sandbox.alipay.TradePayRequest;
import io.shoudan.sandbox.alipay.TradeQueryRequest;
import io.shoudan.sandbox.alipay.TradeRefundRequest;

import java.util.List;
import java.util.Objects;

/**
 * The Alipay adapter's transport over the in-process sandbox: field for field, no interpretation. The
 * HTTP transport (Open API gateway, RSA2) replaces it without any change to the adapter.
 */
public final class SandboxAlipayTransport implements AlipayTransport {

    private final AlipaySimulator alipay;

    public SandboxAlipayTransport(AlipaySimulator alipay) {
        this.alipay = Objects.requireNonNull(alipay, "alipay");
    }

    @Override
    public TransportReply<AlipayPayResponse> pay(AlipayPayRequest request) {
        ExtendParams extend = request.hbFqNum() == null ? null : new ExtendParams(request.hbFqNum(), request.hbFqSellerPercent());
        TradePayRequest sent = new TradePayRequest(request.appId(), request.outTradeNo(), AlipayPayRequest.SCENE, request.authCode(),
                AlipayPayRequest.PRODUCT_CODE, request.subject(), request.totalAmount(), request.storeId(), request.terminalId(), null,
                request.disablePayChannels(), extend);
        return Replies.of(alipay.pay(sent), r -> new AlipayPayResponse(r.code().wire(), r.msg(), wire(r.subCode()), r.subMsg(),
                r.tradeNo(), r.outTradeNo(), bills(r.fundBillList()), installs(r.hbFqPayInfo())));
    }

    @Override
    public TransportReply<AlipayQueryResponse> query(AlipayTradeRequest request) {
        return Replies.of(alipay.query(new TradeQueryRequest(request.appId(), request.outTradeNo(), request.tradeNo())),
                r -> new AlipayQueryResponse(r.code().wire(), r.msg(), wire(r.subCode()), r.subMsg(), r.tradeNo(),
                        r.tradeStatus() == null ? null : r.tradeStatus().name(), bills(r.fundBillList()), installs(r.hbFqPayInfo())));
    }

    @Override
    public TransportReply<AlipayCancelResponse> cancel(AlipayTradeRequest request) {
        return Replies.of(alipay.cancel(new TradeCancelRequest(request.appId(), request.outTradeNo(), request.tradeNo())),
                r -> new AlipayCancelResponse(r.code().wire(), r.msg(), wire(r.subCode()), r.subMsg(), r.retryFlag(), r.action()));
    }

    @Override
    public TransportReply<AlipayRefundResponse> refund(AlipayRefundRequest request) {
        TradeRefundRequest sent = new TradeRefundRequest(request.appId(), request.outTradeNo(), request.tradeNo(), request.refundAmount(),
                request.outRequestNo(), null);
        return Replies.of(alipay.refund(sent), r -> new AlipayRefundResponse(r.code().wire(), r.msg(), wire(r.subCode()), r.subMsg(),
                r.fundChange(), r.refundFee()));
    }

    private static String wire(SubCode subCode) {
        return subCode == null ? null : subCode.wire();
    }

    private static List<AlipayFundBill> bills(List<FundBill> bills) {
        return bills == null ? List.of() : bills.stream().map(b -> new AlipayFundBill(b.fundChannel(), b.fundType(), b.amount())).toList();
    }

    private static Integer installs(HbFqPayInfo info) {
        return info == null ? null : info.userInstallNum();
    }
}
