package io.shoudan.sandbox.wechat;

import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import io.shoudan.sandbox.ChinaTime;
import io.shoudan.sandbox.SandboxSettings;
import io.shoudan.sandbox.consumer.BuyerRefusal;
import io.shoudan.sandbox.consumer.CardKind;
import io.shoudan.sandbox.consumer.CardStatus;
import io.shoudan.sandbox.consumer.Consumer;
import io.shoudan.sandbox.consumer.Consumers;
import io.shoudan.sandbox.consumer.FundingSource;
import io.shoudan.sandbox.consumer.IssuedCode;
import io.shoudan.sandbox.consumer.PaymentCodes;
import io.shoudan.sandbox.consumer.Redemption;
import io.shoudan.sandbox.consumer.SourceId;
import io.shoudan.sandbox.fault.ChannelReply;
import io.shoudan.sandbox.fault.Fault;
import io.shoudan.sandbox.fault.FaultGate;
import io.shoudan.sandbox.fault.Operation;
import io.shoudan.sandbox.merchant.ChannelMerchant;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.MerchantStatus;
import io.shoudan.sandbox.merchant.Merchants;
import io.shoudan.sandbox.merchant.SignedProduct;
import io.shoudan.method.PaymentCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated WeChat Pay API v2 for 付款码支付: {@code micropay}, {@code orderquery}, {@code reverse}
 * and {@code refund}, answering with WeChat's return_code / result_code / err_code. Every call passes
 * the fault gate first; state changes happen under the sandbox's one monitor.
 */
public final class WechatPaySimulator {

    /** return_msg when the gateway itself is unavailable (return_code FAIL): the caller should query. */
    static final String BUSY = "系统繁忙,请稍后再试";

    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Consumers consumers;
    private final Merchants merchants;
    private final PaymentCodes codes;
    private final FaultGate gate;
    private final Clock clock;
    private final SandboxSettings settings;
    private final Object monitor;

    private final Map<MerchantKey, Map<String, WechatOrder>> byOutTradeNo = new HashMap<>();
    private final Map<String, WechatOrder> byTransactionId = new HashMap<>();
    private final List<WechatOrder> waiting = new ArrayList<>();
    private long sequence;
    private long refundSequence;

    public WechatPaySimulator(Consumers consumers, Merchants merchants, PaymentCodes codes, FaultGate gate,
                              Clock clock, SandboxSettings settings, Object monitor) {
        this.consumers = consumers;
        this.merchants = merchants;
        this.codes = codes;
        this.gate = gate;
        this.clock = clock;
        this.settings = settings;
        this.monitor = monitor;
    }

    // ---------------------------------------------------------------------------------------------
    // micropay

    public ChannelReply<MicropayResponse> micropay(MicropayRequest request) {
        return gate.call(Channel.WECHAT, Operation.PAY, request.outTradeNo(),
                fault -> {
                    if (fault instanceof Fault.ServiceUnavailable) {
                        return MicropayResponse.returnFail(request, BUSY);
                    }
                    synchronized (monitor) {
                        return systemError(request);
                    }
                },
                forced -> {
                    synchronized (monitor) {
                        resolveDue();
                        return micropayNow(request, forced);
                    }
                });
    }

    /**
     * SYSTEMERROR before any processing: WeChat has registered the order but not charged anyone, so
     * a query finds it NOTPAY and a reverse closes it.
     */
    private MicropayResponse systemError(MicropayRequest request) {
        MerchantKey key = MerchantKey.wechat(request.mchId());
        if (merchants.find(key).isPresent() && request.outTradeNo() != null && request.totalFee() != null
                && !ordersOf(key).containsKey(request.outTradeNo())) {
            newOrder(key, request.outTradeNo(), contentOf(request), TradeState.NOTPAY);
        }
        return MicropayResponse.failed(request, ErrCode.SYSTEMERROR);
    }

    private static WechatOrder.Content contentOf(MicropayRequest request) {
        return new WechatOrder.Content(request.totalFee(), request.body(), request.limitPay());
    }

    private MicropayResponse micropayNow(MicropayRequest request, Optional<Fault.UserPaying> forced) {
        // 1. The merchant.
        MerchantKey key = MerchantKey.wechat(request.mchId());
        Optional<ChannelMerchant> merchant = merchants.find(key);
        if (merchant.isEmpty()) {
            return MicropayResponse.returnFail(request, "mch_id不存在");
        }
        if (merchant.get().status() == MerchantStatus.BLOCKED || !merchant.get().hasSigned(SignedProduct.WECHAT_MICROPAY)) {
            return MicropayResponse.failed(request, ErrCode.NOAUTH);
        }
        // 2. The request.
        String outTradeNo = request.outTradeNo();
        if (outTradeNo == null || outTradeNo.isBlank() || outTradeNo.length() > 32
                || request.body() == null || request.body().isBlank()
                || request.totalFee() == null || !request.totalFee().isPositive()
                || request.authCode() == null
                || request.limitPay() != null && !"no_credit".equals(request.limitPay())) {
            return MicropayResponse.failed(request, ErrCode.PARAM_ERROR);
        }
        if (PaymentCode.issuerOrNull(request.authCode()) != Channel.WECHAT) {
            return MicropayResponse.failed(request, ErrCode.AUTH_CODE_ERROR);
        }
        // 3. An earlier order with this out_trade_no.
        WechatOrder.Content content = contentOf(request);
        WechatOrder order = ordersOf(key).get(outTradeNo);
        if (order != null) {
            if (order.content == null) {
                return MicropayResponse.failed(request, ErrCode.ORDERREVERSED);
            }
            if (!order.content.equals(content)) {
                return MicropayResponse.failed(request, ErrCode.OUT_TRADE_NO_USED);
            }
            switch (order.state) {
                case SUCCESS, REFUND -> {
                    return MicropayResponse.failed(request, ErrCode.ORDERPAID);
                }
                case CLOSED -> {
                    return MicropayResponse.failed(request, ErrCode.ORDERCLOSED);
                }
                case REVOKED -> {
                    return MicropayResponse.failed(request, ErrCode.ORDERREVERSED);
                }
                case USERPAYING, PAYERROR -> {
                    // The order already has a buyer; WeChat does not let another person pay it.
                    Optional<IssuedCode> owner = codes.peek(request.authCode());
                    if (owner.isPresent() && !owner.get().consumer().equals(order.buyer)) {
                        return MicropayResponse.failed(request, ErrCode.BUYER_MISMATCH);
                    }
                    if (order.state == TradeState.USERPAYING) {
                        return MicropayResponse.failed(request, ErrCode.USERPAYING);
                    }
                }
                case NOTPAY -> {
                    // Nothing was charged: this attempt processes the order afresh.
                }
            }
        }
        // 4. The payment code.
        Redemption redemption = codes.redeem(request.authCode(), Channel.WECHAT);
        switch (redemption) {
            case Redemption.Expired expired -> {
                return MicropayResponse.failed(request, ErrCode.AUTHCODEEXPIRE);
            }
            case Redemption.Unknown unknown -> {
                return MicropayResponse.failed(request, ErrCode.AUTH_CODE_INVALID);
            }
            case Redemption.AlreadyUsed used -> {
                return MicropayResponse.failed(request, ErrCode.AUTH_CODE_INVALID);
            }
            case Redemption.Malformed malformed -> {
                return MicropayResponse.failed(request, ErrCode.AUTH_CODE_ERROR);
            }
            case Redemption.Valid valid -> {
                // go on
            }
        }
        Consumer buyer = consumers.get(((Redemption.Valid) redemption).code().consumer());
        if (order == null) {
            order = newOrder(key, outTradeNo, content, TradeState.NOTPAY);
        }
        order.buyer = buyer.id();
        Instant now = clock.instant();
        // 5. The buyer and 6. the buyer's instruments; a refusal leaves the order PAYERROR.
        Outcome outcome = decide(buyer, order, now);
        if (outcome instanceof Outcome.Refuse refuse) {
            order.moveTo(TradeState.PAYERROR);
            return MicropayResponse.failed(request, refuse.errCode());
        }
        FundingSource source = ((Outcome.Pay) outcome).source();
        // 7. The password step.
        if (forced.isPresent() || buyer.password().required(order.total())) {
            Optional<Duration> after = forced.isPresent()
                    ? forced.get().confirmsAfter()
                    : buyer.password().confirmsAfter();
            order.moveTo(TradeState.USERPAYING);
            order.waitingSince = now;
            order.confirmAt = after.map(now::plus).orElse(null);
            waiting.add(order);
            return MicropayResponse.failed(request, ErrCode.USERPAYING);
        }
        // 8. Paid.
        settle(order, source, now);
        return paid(request, order, buyer);
    }

    private sealed interface Outcome {
        record Pay(FundingSource source) implements Outcome {
        }

        record Refuse(ErrCode errCode) implements Outcome {
        }
    }

    /**
     * Chooses how the buyer pays, as the WeChat app does: the payment code is shown for the buyer's
     * preferred instrument; if that is a credit card and the merchant sent limit_pay=no_credit the
     * payment is refused NOTSUPORTCARD. Otherwise the instruments are tried in the buyer's order
     * (credit cards skipped under no_credit); the first that covers the amount pays it whole.
     */
    private Outcome decide(Consumer buyer, WechatOrder order, Instant at) {
        Money amount = order.total();
        Optional<BuyerRefusal> refusal = BuyerRefusal.check(buyer, amount,
                consumers.spentOn(buyer.id(), ChinaTime.dateOf(at)));
        if (refusal.isPresent()) {
            // ASSUMPTION: WeChat reports account, real-name and limit refusals alike as TRADE_ERROR.
            return new Outcome.Refuse(ErrCode.TRADE_ERROR);
        }
        boolean noCredit = "no_credit".equals(order.content.limitPay());
        List<SourceId> preference = buyer.wechatOrder();
        if (preference.isEmpty()) {
            return new Outcome.Refuse(ErrCode.NOTENOUGH);
        }
        if (noCredit && buyer.source(preference.get(0)) instanceof FundingSource.BankCard card
                && card.kind() == CardKind.CREDIT) {
            return new Outcome.Refuse(ErrCode.NOTSUPORTCARD);
        }
        for (SourceId ref : preference) {
            FundingSource source = buyer.source(ref);
            if (noCredit && source instanceof FundingSource.BankCard card && card.kind() == CardKind.CREDIT) {
                continue;
            }
            if (source.available().compareTo(amount) < 0) {
                continue;
            }
            if (source instanceof FundingSource.BankCard card && card.status() != CardStatus.ACTIVE) {
                return new Outcome.Refuse(card.status() == CardStatus.ISSUER_UNAVAILABLE
                        ? ErrCode.BANKERROR
                        : ErrCode.TRADE_ERROR);
            }
            return new Outcome.Pay(source);
        }
        return new Outcome.Refuse(ErrCode.NOTENOUGH);
    }

    private void settle(WechatOrder order, FundingSource source, Instant at) {
        Money amount = order.total();
        consumers.debit(order.buyer, source.id(), amount);
        consumers.recordSpend(order.buyer, ChinaTime.dateOf(at), amount);
        merchants.recordReceipt(order.merchant, ChinaTime.dateOf(at), amount, amount);
        order.source = source.id();
        order.bankType = bankType(source);
        order.paidAt = at;
        order.moveTo(TradeState.SUCCESS);
    }

    private static String bankType(FundingSource source) {
        return switch (source) {
            case FundingSource.WalletBalance balance -> "OTHERS";
            case FundingSource.MoneyFund fund -> "LQT";
            case FundingSource.BankCard card -> card.bankCode() + (card.kind() == CardKind.DEBIT ? "_DEBIT" : "_CREDIT");
            case FundingSource.Huabei huabei -> throw new IllegalStateException("Huabei cannot pay in WeChat");
        };
    }

    private MicropayResponse paid(MicropayRequest request, WechatOrder order, Consumer buyer) {
        return new MicropayResponse("SUCCESS", "OK", request.appid(), request.mchId(), request.deviceInfo(), "SUCCESS",
                null, null, buyer.openid(), "N", "MICROPAY", order.bankType, "CNY", order.total(), order.total(),
                order.transactionId, order.outTradeNo, ChinaTime.of(order.paidAt));
    }

    private WechatOrder newOrder(MerchantKey key, String outTradeNo, WechatOrder.Content content, TradeState state) {
        sequence++;
        Instant now = clock.instant();
        String transactionId = "420000" + ChinaTime.of(now).format(ID_DATE) + String.format("%014d", sequence);
        WechatOrder order = new WechatOrder(sequence, transactionId, outTradeNo, key, content, now, state);
        ordersOf(key).put(outTradeNo, order);
        byTransactionId.put(transactionId, order);
        return order;
    }

    private Map<String, WechatOrder> ordersOf(MerchantKey key) {
        return byOutTradeNo.computeIfAbsent(key, k -> new HashMap<>());
    }

    /**
     * Orders waiting for the buyer's password move on when their time comes: confirmed (SUCCESS, or
     * PAYERROR if the instruments no longer cover it) or, past the window, CLOSED.
     */
    private void resolveDue() {
        Instant now = clock.instant();
        waiting.sort(Comparator.comparing(this::dueAt).thenComparingLong(o -> o.sequence));
        Iterator<WechatOrder> it = waiting.iterator();
        while (it.hasNext()) {
            WechatOrder order = it.next();
            if (order.state != TradeState.USERPAYING) {
                it.remove();
                continue;
            }
            Instant due = dueAt(order);
            if (now.isBefore(due)) {
                break;
            }
            it.remove();
            if (confirmsInTime(order)) {
                Outcome outcome = decide(consumers.get(order.buyer), order, due);
                if (outcome instanceof Outcome.Pay pay) {
                    settle(order, pay.source(), due);
                } else {
                    order.moveTo(TradeState.PAYERROR);
                }
            } else {
                order.moveTo(TradeState.CLOSED);
            }
        }
    }

    private Instant deadline(WechatOrder order) {
        return order.waitingSince.plus(settings.buyerConfirmWindow());
    }

    private boolean confirmsInTime(WechatOrder order) {
        return order.confirmAt != null && order.confirmAt.isBefore(deadline(order));
    }

    private Instant dueAt(WechatOrder order) {
        return confirmsInTime(order) ? order.confirmAt : deadline(order);
    }

    private Optional<WechatOrder> find(String mchId, String transactionId, String outTradeNo) {
        MerchantKey key = MerchantKey.wechat(mchId);
        if (transactionId != null) {
            WechatOrder order = byTransactionId.get(transactionId);
            return order != null && order.merchant.equals(key) ? Optional.of(order) : Optional.empty();
        }
        return outTradeNo == null ? Optional.empty() : Optional.ofNullable(ordersOf(key).get(outTradeNo));
    }

    // ---------------------------------------------------------------------------------------------
    // orderquery

    public ChannelReply<OrderQueryResponse> orderQuery(OrderQueryRequest request) {
        return gate.call(Channel.WECHAT, Operation.QUERY, request.outTradeNo(),
                fault -> fault instanceof Fault.ServiceUnavailable
                        ? OrderQueryResponse.returnFail(request, BUSY)
                        : OrderQueryResponse.failed(request, ErrCode.SYSTEMERROR),
                forced -> {
                    synchronized (monitor) {
                        resolveDue();
                        return orderQueryNow(request);
                    }
                });
    }

    private OrderQueryResponse orderQueryNow(OrderQueryRequest request) {
        if (merchants.find(MerchantKey.wechat(request.mchId())).isEmpty()) {
            return OrderQueryResponse.returnFail(request, "mch_id不存在");
        }
        Optional<WechatOrder> found = find(request.mchId(), request.transactionId(), request.outTradeNo());
        if (found.isEmpty() || found.get().content == null) {
            return OrderQueryResponse.failed(request, ErrCode.ORDERNOTEXIST);
        }
        WechatOrder order = found.get();
        boolean paid = order.paidAt != null;
        String openid = order.buyer == null ? null : consumers.get(order.buyer).openid();
        return new OrderQueryResponse("SUCCESS", "OK", request.appid(), request.mchId(), "SUCCESS", null, null,
                order.state, order.state.descZh(), openid, "MICROPAY", paid ? order.bankType : null, order.total(),
                paid ? order.total() : null, order.transactionId, order.outTradeNo,
                paid ? ChinaTime.of(order.paidAt) : null);
    }

    // ---------------------------------------------------------------------------------------------
    // reverse

    public ChannelReply<ReverseResponse> reverse(ReverseRequest request) {
        return gate.call(Channel.WECHAT, Operation.CANCEL, request.outTradeNo(),
                fault -> fault instanceof Fault.ServiceUnavailable
                        ? ReverseResponse.returnFail(request, BUSY)
                        : ReverseResponse.failed(request, ErrCode.SYSTEMERROR, "Y"),
                forced -> {
                    synchronized (monitor) {
                        resolveDue();
                        return reverseNow(request);
                    }
                });
    }

    private ReverseResponse reverseNow(ReverseRequest request) {
        MerchantKey key = MerchantKey.wechat(request.mchId());
        if (merchants.find(key).isEmpty()) {
            return ReverseResponse.returnFail(request, "mch_id不存在");
        }
        if (request.transactionId() == null && request.outTradeNo() == null) {
            return ReverseResponse.failed(request, ErrCode.PARAM_ERROR, "N");
        }
        Optional<WechatOrder> found = find(request.mchId(), request.transactionId(), request.outTradeNo());
        if (found.isEmpty()) {
            if (request.outTradeNo() == null) {
                return ReverseResponse.failed(request, ErrCode.ORDERNOTEXIST, "N");
            }
            // ASSUMPTION: reversing an out_trade_no WeChat never saw closes the number, so a
            // late-arriving micropay with it is refused ORDERREVERSED.
            WechatOrder tombstone = newOrder(key, request.outTradeNo(), null, TradeState.NOTPAY);
            tombstone.moveTo(TradeState.REVOKED);
            return ReverseResponse.done(request);
        }
        WechatOrder order = found.get();
        if (!clock.instant().isBefore(order.createdAt.plus(settings.wechatReverseLimit()))) {
            return ReverseResponse.failed(request, ErrCode.REVERSE_EXPIRE, "N");
        }
        switch (order.state) {
            case NOTPAY, USERPAYING, PAYERROR -> {
                order.moveTo(TradeState.REVOKED);
                waiting.remove(order);
            }
            case SUCCESS, REFUND -> {
                returnMoney(order, order.total().minus(order.refunded));
                order.moveTo(TradeState.REVOKED);
            }
            case CLOSED, REVOKED -> {
                // Nothing was paid or it is already reversed: done, nothing to repeat.
            }
        }
        return ReverseResponse.done(request);
    }

    private void returnMoney(WechatOrder order, Money amount) {
        if (!amount.isPositive()) {
            return;
        }
        consumers.credit(order.buyer, order.source, amount);
        merchants.pay(order.merchant, amount);
        order.refunded = order.refunded.plus(amount);
    }

    // ---------------------------------------------------------------------------------------------
    // refund

    public ChannelReply<RefundResponse> refund(RefundRequest request) {
        return gate.call(Channel.WECHAT, Operation.REFUND, request.outTradeNo(),
                fault -> fault instanceof Fault.ServiceUnavailable
                        ? RefundResponse.returnFail(request, BUSY)
                        : RefundResponse.failed(request, ErrCode.SYSTEMERROR, ErrCode.SYSTEMERROR.desZh()),
                forced -> {
                    synchronized (monitor) {
                        resolveDue();
                        return refundNow(request);
                    }
                });
    }

    private RefundResponse refundNow(RefundRequest request) {
        if (merchants.find(MerchantKey.wechat(request.mchId())).isEmpty()) {
            return RefundResponse.returnFail(request, "mch_id不存在");
        }
        if (request.transactionId() == null && request.outTradeNo() == null
                || request.outRefundNo() == null || request.outRefundNo().isBlank()
                || request.outRefundNo().length() > 64
                || request.totalFee() == null || request.refundFee() == null || !request.refundFee().isPositive()) {
            return RefundResponse.failed(request, ErrCode.PARAM_ERROR, ErrCode.PARAM_ERROR.desZh());
        }
        Optional<WechatOrder> found = find(request.mchId(), request.transactionId(), request.outTradeNo());
        if (found.isEmpty() || found.get().content == null) {
            return RefundResponse.failed(request, ErrCode.ORDERNOTEXIST, ErrCode.ORDERNOTEXIST.desZh());
        }
        WechatOrder order = found.get();
        if (!order.total().equals(request.totalFee())) {
            return RefundResponse.failed(request, ErrCode.PARAM_ERROR, "订单金额与支付金额不一致");
        }
        WechatOrder.Refund earlier = order.refunds.get(request.outRefundNo());
        if (earlier != null) {
            if (!earlier.amount().equals(request.refundFee())) {
                return RefundResponse.failed(request, ErrCode.ERROR, "同一退款单号的退款金额不一致");
            }
            return refunded(request, order, earlier);
        }
        if (order.state != TradeState.SUCCESS && order.state != TradeState.REFUND) {
            return RefundResponse.failed(request, ErrCode.ERROR, "订单状态错误");
        }
        if (request.refundFee().isGreaterThan(order.total().minus(order.refunded))) {
            return RefundResponse.failed(request, ErrCode.ERROR, "退款金额超过订单可退金额");
        }
        returnMoney(order, request.refundFee());
        order.moveTo(TradeState.REFUND);
        refundSequence++;
        String refundId = "5030" + ChinaTime.of(clock.instant()).format(ID_DATE) + String.format("%017d", refundSequence);
        WechatOrder.Refund refund = new WechatOrder.Refund(refundId, request.refundFee());
        order.refunds.put(request.outRefundNo(), refund);
        return refunded(request, order, refund);
    }

    private static RefundResponse refunded(RefundRequest request, WechatOrder order, WechatOrder.Refund refund) {
        return new RefundResponse("SUCCESS", "OK", request.appid(), request.mchId(), "SUCCESS", null, null,
                order.transactionId, order.outTradeNo, request.outRefundNo(), refund.refundId(), refund.amount(),
                order.total(), order.total());
    }
}
