package io.shoudan.sandbox.alipay;

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
import io.shoudan.sandbox.consumer.HuabeiStatus;
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
import java.util.Set;

/**
 * The simulated Alipay Open API for 当面付 barcode payments: {@code alipay.trade.pay}, {@code query},
 * {@code cancel} and {@code refund}, answering with Alipay's own codes. Every call passes the fault
 * gate first; all state changes happen under the sandbox's one monitor, so a payment's checks and its
 * money movement are atomic.
 */
public final class AlipaySimulator {

    /** Alipay's limit on total_amount: 0.01 – 100,000,000.00 CNY. */
    static final Money MAX_TOTAL_AMOUNT = Money.ofYuan(100_000_000);

    private static final DateTimeFormatter TRADE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Consumers consumers;
    private final Merchants merchants;
    private final PaymentCodes codes;
    private final FaultGate gate;
    private final Clock clock;
    private final SandboxSettings settings;
    private final Object monitor;

    private final Map<MerchantKey, Map<String, AlipayTrade>> byOutTradeNo = new HashMap<>();
    private final Map<String, AlipayTrade> byTradeNo = new HashMap<>();
    private final List<AlipayTrade> waiting = new ArrayList<>();
    private long sequence;

    public AlipaySimulator(Consumers consumers, Merchants merchants, PaymentCodes codes, FaultGate gate, Clock clock,
                           SandboxSettings settings, Object monitor) {
        this.consumers = consumers;
        this.merchants = merchants;
        this.codes = codes;
        this.gate = gate;
        this.clock = clock;
        this.settings = settings;
        this.monitor = monitor;
    }

    /** The answer to an injected failure: 40004 ACQ.SYSTEM_ERROR, or 20000 when the gateway is unavailable. */
    private static SubCode failureCode(Fault fault) {
        return fault instanceof Fault.ServiceUnavailable ? SubCode.SERVICE_UNAVAILABLE : SubCode.SYSTEM_ERROR;
    }

    // ---------------------------------------------------------------------------------------------
    // alipay.trade.pay

    public ChannelReply<TradePayResponse> pay(TradePayRequest request) {
        return gate.call(Channel.ALIPAY, Operation.PAY, request.outTradeNo(),
                fault -> TradePayResponse.failed(failureCode(fault), request.outTradeNo()),
                forced -> {
                    synchronized (monitor) {
                        resolveDue();
                        return payNow(request, forced);
                    }
                });
    }

    private TradePayResponse payNow(TradePayRequest request, Optional<Fault.UserPaying> forced) {
        String outTradeNo = request.outTradeNo();
        // 1. The request itself.
        if (outTradeNo == null || outTradeNo.isBlank() || outTradeNo.length() > 64
                || !"bar_code".equals(request.scene())
                || request.productCode() != null && !"FACE_TO_FACE_PAYMENT".equals(request.productCode())
                || request.subject() == null || request.subject().isBlank()
                || request.authCode() == null || request.authCode().isBlank()
                || request.totalAmount() == null || !request.totalAmount().isPositive()) {
            return TradePayResponse.failed(SubCode.INVALID_PARAMETER, outTradeNo);
        }
        if (request.totalAmount().isGreaterThan(MAX_TOTAL_AMOUNT)) {
            return TradePayResponse.failed(SubCode.TOTAL_FEE_EXCEED, outTradeNo);
        }
        Optional<Set<PayChannel>> disabled = PayChannel.parseList(request.disablePayChannels());
        Optional<Optional<HuabeiInstallment>> installment = HuabeiInstallment.parse(request.extendParams());
        if (disabled.isEmpty() || installment.isEmpty()) {
            return TradePayResponse.failed(SubCode.INVALID_PARAMETER, outTradeNo);
        }
        HuabeiInstallment plan = installment.get().orElse(null);
        AlipayTrade.Content content = new AlipayTrade.Content(request.totalAmount(), request.subject(),
                disabled.get(), plan);

        // 2. The merchant.
        MerchantKey key = MerchantKey.alipay(request.appId());
        Optional<ChannelMerchant> found = merchants.find(key);
        if (found.isEmpty()) {
            return TradePayResponse.failed(SubCode.INVALID_APP_ID, outTradeNo);
        }
        ChannelMerchant merchant = found.get();
        if (merchant.status() == MerchantStatus.BLOCKED) {
            return TradePayResponse.failed(SubCode.SELLER_BEEN_BLOCKED, outTradeNo);
        }
        if (!merchant.hasSigned(SignedProduct.ALIPAY_FACE_TO_FACE)
                || plan != null && (!merchant.hasSigned(SignedProduct.ALIPAY_HUABEI_INSTALLMENT)
                || !merchant.installmentCounts().contains(plan.count()))) {
            return TradePayResponse.failed(SubCode.ACCESS_FORBIDDEN, outTradeNo);
        }

        // 3. An earlier trade with this out_trade_no.
        AlipayTrade existing = tradesOf(key).get(outTradeNo);
        if (existing != null) {
            if (existing.content == null) {
                return TradePayResponse.failed(SubCode.TRADE_HAS_CLOSE, outTradeNo);
            }
            if (!existing.content.equals(content)) {
                return TradePayResponse.failed(SubCode.CONTEXT_INCONSISTENT, outTradeNo);
            }
            return switch (existing.status) {
                case TRADE_SUCCESS, TRADE_FINISHED -> TradePayResponse.failed(SubCode.TRADE_HAS_SUCCESS, outTradeNo);
                case TRADE_CLOSED -> TradePayResponse.failed(SubCode.TRADE_HAS_CLOSE, outTradeNo);
                case WAIT_BUYER_PAY -> waitingAnswer(existing);
            };
        }

        // 4. The merchant's limits.
        Money amount = request.totalAmount();
        Instant now = clock.instant();
        if (amount.isGreaterThan(merchant.perTradeLimit())) {
            return TradePayResponse.failed(SubCode.PRODUCT_AMOUNT_LIMIT_ERROR, outTradeNo);
        }
        if (merchants.receivedOn(key, ChinaTime.dateOf(now)).plus(amount).isGreaterThan(merchant.dailyReceiptLimit())) {
            return TradePayResponse.failed(SubCode.BEYOND_PAY_RESTRICTION, outTradeNo);
        }
        if (merchants.receivedIn(key, ChinaTime.monthOf(now)).plus(amount)
                .isGreaterThan(merchant.monthlyReceiptLimit())) {
            return TradePayResponse.failed(SubCode.BEYOND_PER_RECEIPT_RESTRICTION, outTradeNo);
        }

        // 5. The payment code: spent by this attempt whatever follows.
        Redemption redemption = codes.redeem(request.authCode(), Channel.ALIPAY);
        if (!(redemption instanceof Redemption.Valid valid)) {
            return TradePayResponse.failed(SubCode.PAYMENT_AUTH_CODE_INVALID, outTradeNo);
        }
        Consumer buyer = consumers.get(valid.code().consumer());

        // 6. The buyer, then 7. the buyer's instruments.
        Optional<SubCode> refusal = refuseBuyer(buyer, amount, now);
        if (refusal.isPresent()) {
            return TradePayResponse.failed(refusal.get(), outTradeNo);
        }
        Choice choice = choose(buyer, content);
        if (choice instanceof Choice.Refuse refuse) {
            return TradePayResponse.failed(refuse.subCode(), outTradeNo);
        }

        // 8. The password step, asked by the buyer's own threshold or forced by a fault.
        boolean passwordNeeded = forced.isPresent() || buyer.password().required(amount);
        if (passwordNeeded) {
            Optional<Duration> after = forced.isPresent()
                    ? forced.get().confirmsAfter()
                    : buyer.password().confirmsAfter();
            Instant confirmAt = after.map(now::plus).orElse(null);
            AlipayTrade trade = newTrade(key, outTradeNo, content, buyer, now, confirmAt, TradeStatus.WAIT_BUYER_PAY);
            waiting.add(trade);
            return waitingAnswer(trade);
        }

        // 9. Paid.
        AlipayTrade trade = newTrade(key, outTradeNo, content, buyer, now, null, TradeStatus.WAIT_BUYER_PAY);
        settle(trade, ((Choice.Pay) choice).source(), now);
        return paidAnswer(trade, buyer);
    }

    private Optional<SubCode> refuseBuyer(Consumer buyer, Money amount, Instant at) {
        return BuyerRefusal.check(buyer, amount, consumers.spentOn(buyer.id(), ChinaTime.dateOf(at)))
                .map(refusal -> switch (refusal) {
                    case ACCOUNT_FROZEN -> SubCode.BUYER_ENABLE_STATUS_FORBID;
                    case RISK_CONTROLLED -> SubCode.PAYMENT_REQUEST_HAS_RISK;
                    case NOT_REAL_NAME_CERTIFIED -> SubCode.ERROR_BUYER_CERTIFY_LEVEL_LIMIT;
                    // ASSUMPTION: Alipay has no public sub_code for a per-payment limit of the buyer;
                    // it answers the generic payment failure.
                    case SINGLE_PAYMENT_LIMIT_EXCEEDED -> SubCode.PAYMENT_FAIL;
                    case DAILY_LIMIT_EXCEEDED -> SubCode.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR;
                });
    }

    /** The outcome of choosing how the buyer pays. */
    private sealed interface Choice {
        record Pay(FundingSource source) implements Choice {
        }

        record Refuse(SubCode subCode) implements Choice {
        }
    }

    /**
     * Chooses the instrument the way the Alipay app does: the buyer's sources in their preferred
     * order, skipping those the acquirer disabled or that cannot pay at all (Huabei not OPEN); the
     * first that covers the amount pays it whole. With installments only Huabei can pay.
     */
    private Choice choose(Consumer buyer, AlipayTrade.Content content) {
        Set<PayChannel> disabled = content.disabled();
        HuabeiInstallment plan = content.installment();
        if (plan != null) {
            Money charge = chargeFor(content);
            for (SourceId ref : buyer.alipayOrder()) {
                if (buyer.source(ref) instanceof FundingSource.Huabei huabei && huabei.status() == HuabeiStatus.OPEN
                        && !disabled.contains(PayChannel.PCREDIT)
                        && !disabled.contains(PayChannel.PCREDITPAY_INSTALLMENT)
                        && !disabled.contains(PayChannel.CREDIT_GROUP)) {
                    return huabei.available().compareTo(charge) >= 0
                            ? new Choice.Pay(huabei)
                            : new Choice.Refuse(SubCode.BUYER_BALANCE_NOT_ENOUGH);
                }
            }
            return new Choice.Refuse(SubCode.NO_PAYMENT_INSTRUMENTS_AVAILABLE);
        }
        Money charge = content.totalAmount();
        FundingSource first = null;
        for (SourceId ref : buyer.alipayOrder()) {
            FundingSource source = buyer.source(ref);
            if (!usable(source, disabled)) {
                continue;
            }
            if (first == null) {
                first = source;
            }
            if (source.available().compareTo(charge) >= 0) {
                if (source instanceof FundingSource.BankCard card && card.status() != CardStatus.ACTIVE) {
                    // The bank refused the debit: the app reports the failure rather than silently
                    // switching instruments after a bank's refusal.
                    return new Choice.Refuse(SubCode.PAYMENT_FAIL);
                }
                return new Choice.Pay(source);
            }
        }
        if (first == null) {
            return new Choice.Refuse(SubCode.NO_PAYMENT_INSTRUMENTS_AVAILABLE);
        }
        return new Choice.Refuse(first instanceof FundingSource.BankCard
                ? SubCode.BUYER_BANKCARD_BALANCE_NOT_ENOUGH
                : SubCode.BUYER_BALANCE_NOT_ENOUGH);
    }

    private static boolean usable(FundingSource source, Set<PayChannel> disabled) {
        return switch (source) {
            case FundingSource.WalletBalance balance -> !disabled.contains(PayChannel.BALANCE);
            case FundingSource.MoneyFund fund -> !disabled.contains(PayChannel.MONEY_FUND);
            case FundingSource.Huabei huabei -> huabei.status() == HuabeiStatus.OPEN
                    && !disabled.contains(PayChannel.PCREDIT)
                    && !disabled.contains(PayChannel.CREDIT_GROUP);
            case FundingSource.BankCard card -> card.kind() == CardKind.DEBIT
                    ? !disabled.contains(PayChannel.DEBIT_CARD_EXPRESS)
                    : !disabled.contains(PayChannel.CREDIT_CARD)
                    && !disabled.contains(PayChannel.CREDIT_CARD_EXPRESS)
                    && !disabled.contains(PayChannel.CREDIT_GROUP);
        };
    }

    /** What the buyer's instrument is charged: the installment fee on top when the buyer bears it. */
    private static Money chargeFor(AlipayTrade.Content content) {
        HuabeiInstallment plan = content.installment();
        if (plan != null && plan.buyerPays()) {
            return content.totalAmount().plus(plan.fee(content.totalAmount()));
        }
        return content.totalAmount();
    }

    /** Moves the money of a paid trade: buyer → merchant (and the installment fee → Alipay). */
    private void settle(AlipayTrade trade, FundingSource source, Instant at) {
        Money total = trade.total();
        HuabeiInstallment plan = trade.installment();
        Money fee = plan == null ? Money.ZERO : plan.fee(total);
        Money charge = chargeFor(trade.content);
        Money merchantNet = plan != null && !plan.buyerPays() ? total.minus(fee) : total;
        consumers.debit(trade.buyer, source.id(), charge);
        consumers.recordSpend(trade.buyer, ChinaTime.dateOf(at), total);
        merchants.recordReceipt(trade.merchant, ChinaTime.dateOf(at), total, merchantNet);
        merchants.addChannelFeeIncome(Channel.ALIPAY, fee);
        trade.source = source.id();
        trade.fundBill = fundBill(source, charge);
        trade.buyerPayAmount = charge;
        trade.installmentFee = fee;
        trade.paidAt = at;
        trade.moveTo(TradeStatus.TRADE_SUCCESS);
    }

    private static FundBill fundBill(FundingSource source, Money amount) {
        return switch (source) {
            case FundingSource.WalletBalance balance -> new FundBill("ALIPAYACCOUNT", amount, amount, null);
            case FundingSource.MoneyFund fund -> new FundBill("FINANCEACCOUNT", amount, amount, null);
            case FundingSource.Huabei huabei -> new FundBill("PCREDIT", amount, amount, null);
            case FundingSource.BankCard card -> new FundBill("BANKCARD", amount, amount,
                    card.kind() == CardKind.DEBIT ? "DEBIT_CARD" : "CREDIT_CARD");
        };
    }

    private AlipayTrade newTrade(MerchantKey key, String outTradeNo, AlipayTrade.Content content, Consumer buyer,
                                 Instant now, Instant confirmAt, TradeStatus status) {
        sequence++;
        // 28 digits like Alipay's: date, a fixed business segment, then a sequence.
        String tradeNo = ChinaTime.of(now).format(TRADE_DATE) + "22001" + String.format("%015d", sequence);
        AlipayTrade trade = new AlipayTrade(sequence, tradeNo, outTradeNo, key, content,
                buyer == null ? null : buyer.id(), now, confirmAt, status);
        tradesOf(key).put(outTradeNo, trade);
        byTradeNo.put(tradeNo, trade);
        return trade;
    }

    private Map<String, AlipayTrade> tradesOf(MerchantKey key) {
        return byOutTradeNo.computeIfAbsent(key, k -> new HashMap<>());
    }

    private TradePayResponse waitingAnswer(AlipayTrade trade) {
        Consumer buyer = consumers.get(trade.buyer);
        return new TradePayResponse(AlipayCode.WAITING_FOR_BUYER, AlipayCode.WAITING_FOR_BUYER.msg(), null, null,
                trade.tradeNo, trade.outTradeNo, buyer.maskedLogonId(), trade.total(), null, null, null, null, null);
    }

    private TradePayResponse paidAnswer(AlipayTrade trade, Consumer buyer) {
        return new TradePayResponse(AlipayCode.SUCCESS, AlipayCode.SUCCESS.msg(), null, null, trade.tradeNo,
                trade.outTradeNo, buyer.maskedLogonId(), trade.total(), trade.total(), trade.buyerPayAmount,
                ChinaTime.of(trade.paidAt), List.of(trade.fundBill), installmentInfo(trade));
    }

    private static HbFqPayInfo installmentInfo(AlipayTrade trade) {
        HuabeiInstallment plan = trade.installment();
        return plan == null ? null : new HbFqPayInfo(plan.count(), plan.sellerPercent(), trade.installmentFee);
    }

    /**
     * Trades waiting for the buyer's password move on when their time comes: the buyer confirms
     * (the instruments are checked again then) or the window closes. Resolved in time order before
     * every call, so what a query sees depends only on the clock.
     */
    private void resolveDue() {
        Instant now = clock.instant();
        waiting.sort(Comparator.comparing(this::dueAt).thenComparingLong(t -> t.sequence));
        Iterator<AlipayTrade> it = waiting.iterator();
        while (it.hasNext()) {
            AlipayTrade trade = it.next();
            if (trade.status != TradeStatus.WAIT_BUYER_PAY) {
                it.remove();
                continue;
            }
            Instant due = dueAt(trade);
            if (now.isBefore(due)) {
                break;
            }
            it.remove();
            if (confirmsInTime(trade)) {
                Consumer buyer = consumers.get(trade.buyer);
                Choice choice = refuseBuyer(buyer, trade.total(), due).isPresent()
                        ? new Choice.Refuse(SubCode.PAYMENT_FAIL)
                        : choose(buyer, trade.content);
                if (choice instanceof Choice.Pay pay) {
                    settle(trade, pay.source(), due);
                    continue;
                }
            }
            trade.moveTo(TradeStatus.TRADE_CLOSED);
        }
    }

    private Instant deadline(AlipayTrade trade) {
        return trade.createdAt.plus(settings.buyerConfirmWindow());
    }

    private boolean confirmsInTime(AlipayTrade trade) {
        return trade.confirmAt != null && trade.confirmAt.isBefore(deadline(trade));
    }

    private Instant dueAt(AlipayTrade trade) {
        return confirmsInTime(trade) ? trade.confirmAt : deadline(trade);
    }

    /** A paid trade becomes TRADE_FINISHED once its refund period is over. */
    private void finishIfDue(AlipayTrade trade) {
        if (trade.status == TradeStatus.TRADE_SUCCESS
                && !clock.instant().isBefore(trade.paidAt.plus(settings.refundablePeriod()))) {
            trade.moveTo(TradeStatus.TRADE_FINISHED);
        }
    }

    private Optional<AlipayTrade> find(String appId, String outTradeNo, String tradeNo) {
        MerchantKey key = MerchantKey.alipay(appId);
        if (tradeNo != null) {
            AlipayTrade trade = byTradeNo.get(tradeNo);
            return trade != null && trade.merchant.equals(key) ? Optional.of(trade) : Optional.empty();
        }
        if (outTradeNo == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(tradesOf(key).get(outTradeNo));
    }

    // ---------------------------------------------------------------------------------------------
    // alipay.trade.query

    public ChannelReply<TradeQueryResponse> query(TradeQueryRequest request) {
        return gate.call(Channel.ALIPAY, Operation.QUERY, request.outTradeNo(),
                fault -> TradeQueryResponse.failed(failureCode(fault), request.outTradeNo(), request.tradeNo()),
                forced -> {
                    synchronized (monitor) {
                        resolveDue();
                        return queryNow(request);
                    }
                });
    }

    private TradeQueryResponse queryNow(TradeQueryRequest request) {
        if (request.outTradeNo() == null && request.tradeNo() == null) {
            return TradeQueryResponse.failed(SubCode.INVALID_PARAMETER, null, null);
        }
        Optional<AlipayTrade> found = find(request.appId(), request.outTradeNo(), request.tradeNo());
        // A trade that only a cancel created was never seen by the buyer: Alipay does not know it.
        if (found.isEmpty() || found.get().content == null) {
            return TradeQueryResponse.failed(SubCode.TRADE_NOT_EXIST, request.outTradeNo(), request.tradeNo());
        }
        AlipayTrade trade = found.get();
        finishIfDue(trade);
        Consumer buyer = consumers.get(trade.buyer);
        boolean paid = trade.paidAt != null;
        return new TradeQueryResponse(AlipayCode.SUCCESS, AlipayCode.SUCCESS.msg(), null, null, trade.tradeNo,
                trade.outTradeNo, buyer.maskedLogonId(), trade.status, trade.total(),
                paid ? trade.total() : Money.ZERO, paid ? trade.buyerPayAmount : Money.ZERO,
                paid ? ChinaTime.of(trade.paidAt) : null, paid ? List.of(trade.fundBill) : List.of(),
                installmentInfo(trade));
    }

    // ---------------------------------------------------------------------------------------------
    // alipay.trade.cancel

    public ChannelReply<TradeCancelResponse> cancel(TradeCancelRequest request) {
        return gate.call(Channel.ALIPAY, Operation.CANCEL, request.outTradeNo(),
                fault -> TradeCancelResponse.failed(failureCode(fault), request.outTradeNo(), "Y"),
                forced -> {
                    synchronized (monitor) {
                        resolveDue();
                        return cancelNow(request);
                    }
                });
    }

    private TradeCancelResponse cancelNow(TradeCancelRequest request) {
        if (request.outTradeNo() == null && request.tradeNo() == null) {
            return TradeCancelResponse.failed(SubCode.INVALID_PARAMETER, null, "N");
        }
        Instant now = clock.instant();
        Optional<AlipayTrade> found = find(request.appId(), request.outTradeNo(), request.tradeNo());
        if (found.isEmpty()) {
            if (request.outTradeNo() == null || merchants.find(MerchantKey.alipay(request.appId())).isEmpty()) {
                return TradeCancelResponse.failed(SubCode.TRADE_NOT_EXIST, request.outTradeNo(), "N");
            }
            // ASSUMPTION: cancelling an out_trade_no Alipay never saw (the pay was lost before it
            // arrived) closes that number, so a late-arriving pay with it is refused TRADE_HAS_CLOSE.
            AlipayTrade tombstone = newTrade(MerchantKey.alipay(request.appId()), request.outTradeNo(), null, null,
                    now, null, TradeStatus.WAIT_BUYER_PAY);
            tombstone.moveTo(TradeStatus.TRADE_CLOSED);
            tombstone.cancelAction = "close";
            return cancelled(tombstone);
        }
        AlipayTrade trade = found.get();
        finishIfDue(trade);
        if (!now.isBefore(trade.createdAt.plus(settings.alipayCancelLimit()))) {
            return TradeCancelResponse.failed(SubCode.TRADE_CANCEL_TIME_OUT, trade.outTradeNo, "N");
        }
        switch (trade.status) {
            case WAIT_BUYER_PAY -> {
                trade.moveTo(TradeStatus.TRADE_CLOSED);
                trade.cancelAction = "close";
                waiting.remove(trade);
            }
            case TRADE_SUCCESS -> {
                refundMoney(trade, trade.refundable());
                trade.cancelAction = "refund";
                if (trade.status != TradeStatus.TRADE_CLOSED) {
                    trade.moveTo(TradeStatus.TRADE_CLOSED);
                }
            }
            case TRADE_CLOSED -> {
                if (trade.cancelAction == null) {
                    // Closed by the buyer's timeout or by refunds: nothing is left for a cancel to do.
                    trade.cancelAction = "close";
                }
            }
            case TRADE_FINISHED -> {
                return TradeCancelResponse.failed(SubCode.TRADE_HAS_FINISHED, trade.outTradeNo, "N");
            }
        }
        return cancelled(trade);
    }

    private static TradeCancelResponse cancelled(AlipayTrade trade) {
        return new TradeCancelResponse(AlipayCode.SUCCESS, AlipayCode.SUCCESS.msg(), null, null, trade.tradeNo,
                trade.outTradeNo, "N", trade.cancelAction);
    }

    // ---------------------------------------------------------------------------------------------
    // alipay.trade.refund

    public ChannelReply<TradeRefundResponse> refund(TradeRefundRequest request) {
        return gate.call(Channel.ALIPAY, Operation.REFUND, request.outTradeNo(),
                fault -> TradeRefundResponse.failed(failureCode(fault), request.outTradeNo()),
                forced -> {
                    synchronized (monitor) {
                        resolveDue();
                        return refundNow(request);
                    }
                });
    }

    private TradeRefundResponse refundNow(TradeRefundRequest request) {
        if (request.outTradeNo() == null && request.tradeNo() == null
                || request.refundAmount() == null || !request.refundAmount().isPositive()
                || request.outRequestNo() != null && (request.outRequestNo().isBlank()
                || request.outRequestNo().length() > 64)) {
            return TradeRefundResponse.failed(SubCode.INVALID_PARAMETER, request.outTradeNo());
        }
        Optional<AlipayTrade> found = find(request.appId(), request.outTradeNo(), request.tradeNo());
        if (found.isEmpty() || found.get().content == null) {
            return TradeRefundResponse.failed(SubCode.TRADE_NOT_EXIST, request.outTradeNo());
        }
        AlipayTrade trade = found.get();
        finishIfDue(trade);
        String requestNo = request.outRequestNo() != null ? request.outRequestNo() : trade.outTradeNo;
        Money earlier = trade.refundsByRequestNo.get(requestNo);
        if (earlier != null) {
            if (!earlier.equals(request.refundAmount())) {
                return TradeRefundResponse.failed(SubCode.DISCORDANT_REPEAT_REQUEST, trade.outTradeNo);
            }
            return refunded(trade, "N");
        }
        switch (trade.status) {
            case TRADE_FINISHED -> {
                return TradeRefundResponse.failed(SubCode.TRADE_HAS_FINISHED, trade.outTradeNo);
            }
            case WAIT_BUYER_PAY, TRADE_CLOSED -> {
                return TradeRefundResponse.failed(SubCode.TRADE_STATUS_ERROR, trade.outTradeNo);
            }
            case TRADE_SUCCESS -> {
                if (request.refundAmount().isGreaterThan(trade.refundable())) {
                    return TradeRefundResponse.failed(SubCode.REFUND_AMT_NOT_EQUAL_TOTAL, trade.outTradeNo);
                }
                refundMoney(trade, request.refundAmount());
                trade.refundsByRequestNo.put(requestNo, request.refundAmount());
                return refunded(trade, "Y");
            }
        }
        throw new IllegalStateException("unreachable: " + trade.status);
    }

    /**
     * Returns {@code amount} of the trade to the buyer's instrument. The installment fee goes back in
     * proportion to what has been refunded so far (cumulative, so that a full refund returns exactly
     * the whole fee): to the buyer if the buyer paid it, to the merchant if the merchant did.
     */
    private void refundMoney(AlipayTrade trade, Money amount) {
        if (!amount.isPositive()) {
            return;
        }
        Money total = trade.total();
        Money refundedAfter = trade.refunded.plus(amount);
        Money feeBackTotal = Money.ofFen(HuabeiInstallment.roundHalfUp(
                Math.multiplyExact(trade.installmentFee.fen(), refundedAfter.fen()), total.fen()));
        Money feeBack = feeBackTotal.minus(trade.feeRefunded);
        HuabeiInstallment plan = trade.installment();
        boolean buyerPaidFee = plan != null && plan.buyerPays();
        consumers.credit(trade.buyer, trade.source, buyerPaidFee ? amount.plus(feeBack) : amount);
        merchants.pay(trade.merchant, buyerPaidFee ? amount : amount.minus(feeBack));
        merchants.addChannelFeeIncome(Channel.ALIPAY, feeBack.negate());
        trade.refunded = refundedAfter;
        trade.feeRefunded = feeBackTotal;
        if (trade.refunded.equals(total)) {
            trade.moveTo(TradeStatus.TRADE_CLOSED);
        }
    }

    private TradeRefundResponse refunded(AlipayTrade trade, String fundChange) {
        Consumer buyer = consumers.get(trade.buyer);
        return new TradeRefundResponse(AlipayCode.SUCCESS, AlipayCode.SUCCESS.msg(), null, null, trade.tradeNo,
                trade.outTradeNo, buyer.maskedLogonId(), fundChange, trade.refunded, ChinaTime.of(clock.instant()));
    }
}
