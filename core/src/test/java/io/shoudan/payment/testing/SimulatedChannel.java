package io.shoudan.payment.testing;

import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.CancelAnswer;
import io.shoudan.payment.ChannelAnswer;
import io.shoudan.payment.ChannelGateway;
import io.shoudan.payment.ChannelTradeNo;
import io.shoudan.payment.FundingSource;
import io.shoudan.payment.PayCommand;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PendingCause;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.RefundAnswer;
import io.shoudan.payment.RefundCommand;
import io.shoudan.payment.RefundId;
import io.shoudan.payment.TradeRef;
import io.shoudan.reason.ReasonCode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A small but honest channel for the payment service's tests: it keeps its own trades and moves
 * money on them, and its faults are scripted, deterministic and happen where real ones do — a
 * response lost after the money moved leaves the trade paid; a consumer who never confirms leaves it
 * waiting until a cancel closes it; a refund is applied once per refund id however often it is sent.
 * The {@code sandbox} module's simulators are the full version; this one exists so {@code core}'s
 * tests need nothing outside {@code core}.
 */
public final class SimulatedChannel implements ChannelGateway {

    /** What the next pay call does. */
    public enum PayFault {
        NONE,
        /** The consumer's balance is not enough: a definitive refusal. */
        REFUSED,
        /** The request never reached the channel: timeout, no trade. */
        LOST_BEFORE_CHANNEL,
        /** The channel took the money, the answer was lost: timeout. */
        LOST_AFTER_PAID,
        /** The channel took the money but answered SYSTEM_ERROR. */
        SYSTEM_ERROR_AFTER_PAID,
        /** USERPAYING; the consumer confirms after {@link #confirmAfterQueries} queries. */
        CONSUMER_CONFIRMS,
        /** USERPAYING; the consumer cancels on the phone after {@link #confirmAfterQueries} queries: the trade closes. */
        CONSUMER_DECLINES,
        /** USERPAYING; the consumer walks away: waiting until cancelled. */
        CONSUMER_NEVER_CONFIRMS
    }

    /** What the next refund or void call does. */
    public enum RefundFault {
        NONE,
        /** The channel refunded, the answer was lost. */
        LOST_AFTER_APPLIED,
        /** The request never reached the channel. */
        LOST_BEFORE_CHANNEL,
        /** The channel refuses — unless this refund id was already applied: a retry of a done refund is answered as done, as Alipay does for the same {@code out_request_no}. */
        REFUSED
    }

    private enum Status { WAITING, PAID, CLOSED }

    private static final class Trade {
        final PaymentId id;
        final MerchantId merchant;
        final PaymentMethod method;
        final Money amount;
        Status status;
        Money refunded = Money.ZERO;
        int queriesToSettle;
        Status settlesTo;

        Trade(PaymentId id, MerchantId merchant, PaymentMethod method, Money amount, Status status) {
            this.id = id;
            this.merchant = merchant;
            this.method = method;
            this.amount = amount;
            this.status = status;
        }
    }

    private final Channel channel;
    private final Map<PaymentId, Trade> trades = new LinkedHashMap<>();
    private final Set<RefundId> refundsApplied = new HashSet<>();
    private final Deque<PayFault> payFaults = new ArrayDeque<>();
    private final Deque<RefundFault> refundFaults = new ArrayDeque<>();
    private int confirmAfterQueries = 2;
    private int queriesUnreachable;
    private int cancelsFailing;
    private int payCalls;
    private int queryCalls;
    private int cancelCalls;

    public SimulatedChannel(Channel channel) {
        this.channel = channel;
    }

    public synchronized SimulatedChannel nextPay(PayFault... faults) {
        payFaults.addAll(java.util.List.of(faults));
        return this;
    }

    public synchronized SimulatedChannel nextRefund(RefundFault... faults) {
        refundFaults.addAll(java.util.List.of(faults));
        return this;
    }

    public synchronized SimulatedChannel confirmAfterQueries(int queries) {
        confirmAfterQueries = queries;
        return this;
    }

    /** The next {@code count} queries time out without reaching the channel. */
    public synchronized SimulatedChannel queriesUnreachable(int count) {
        queriesUnreachable = count;
        return this;
    }

    /** The next {@code count} cancels answer "try again". */
    public synchronized SimulatedChannel cancelsFailing(int count) {
        cancelsFailing = count;
        return this;
    }

    /** Forgets every scripted fault not yet used: from now on the channel works. */
    public synchronized SimulatedChannel heal() {
        payFaults.clear();
        refundFaults.clear();
        queriesUnreachable = 0;
        cancelsFailing = 0;
        return this;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public synchronized ChannelAnswer pay(PayCommand command) {
        payCalls++;
        PayFault fault = payFaults.isEmpty() ? PayFault.NONE : payFaults.poll();
        if (trades.containsKey(command.payment())) {
            return new ChannelAnswer.Refused(raw("ACQ.CONTEXT_INCONSISTENT", "ORDERPAID"), ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE);
        }
        switch (fault) {
            case NONE -> {
                Trade trade = open(command, Status.PAID);
                return paid(trade);
            }
            case REFUSED -> {
                open(command, Status.CLOSED);
                return new ChannelAnswer.Refused(raw("40004/ACQ.BUYER_BALANCE_NOT_ENOUGH", "NOTENOUGH"), ReasonCode.CONSUMER_INSUFFICIENT_FUNDS);
            }
            case LOST_BEFORE_CHANNEL -> {
                return new ChannelAnswer.Pending(new RawCode("TIMEOUT"), PendingCause.TIMEOUT);
            }
            case LOST_AFTER_PAID -> {
                open(command, Status.PAID);
                return new ChannelAnswer.Pending(new RawCode("TIMEOUT"), PendingCause.TIMEOUT);
            }
            case SYSTEM_ERROR_AFTER_PAID -> {
                open(command, Status.PAID);
                return new ChannelAnswer.Pending(raw("20000/ACQ.SYSTEM_ERROR", "SYSTEMERROR"), PendingCause.SYSTEM_ERROR);
            }
            case CONSUMER_CONFIRMS, CONSUMER_DECLINES, CONSUMER_NEVER_CONFIRMS -> {
                Trade trade = open(command, Status.WAITING);
                trade.queriesToSettle = fault == PayFault.CONSUMER_NEVER_CONFIRMS ? Integer.MAX_VALUE : confirmAfterQueries;
                trade.settlesTo = fault == PayFault.CONSUMER_DECLINES ? Status.CLOSED : Status.PAID;
                return new ChannelAnswer.Pending(raw("10003", "USERPAYING"), PendingCause.CONSUMER_CONFIRMING);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    @Override
    public synchronized ChannelAnswer query(TradeRef ref) {
        queryCalls++;
        if (queriesUnreachable > 0) {
            queriesUnreachable--;
            return new ChannelAnswer.Pending(new RawCode("TIMEOUT"), PendingCause.TIMEOUT);
        }
        Trade trade = trades.get(ref.payment());
        if (trade == null) {
            return new ChannelAnswer.Pending(raw("40004/ACQ.TRADE_NOT_EXIST", "ORDERNOTEXIST"), PendingCause.SYSTEM_ERROR);
        }
        if (trade.status == Status.WAITING && trade.queriesToSettle != Integer.MAX_VALUE && --trade.queriesToSettle <= 0) {
            trade.status = trade.settlesTo;
        }
        return switch (trade.status) {
            case WAITING -> new ChannelAnswer.Pending(raw("WAIT_BUYER_PAY", "USERPAYING"), PendingCause.CONSUMER_CONFIRMING);
            case PAID -> paid(trade);
            case CLOSED -> new ChannelAnswer.Refused(raw("TRADE_CLOSED", "CLOSED"), ReasonCode.CONSUMER_PAYMENT_CODE_INVALID);
        };
    }

    @Override
    public synchronized CancelAnswer cancel(TradeRef ref) {
        cancelCalls++;
        if (cancelsFailing > 0) {
            cancelsFailing--;
            return new CancelAnswer.NotCancelled(raw("retry_flag=Y", "recall=Y"));
        }
        Trade trade = trades.get(ref.payment());
        if (trade == null) {
            // Never arrived: record it closed so a late arrival cannot be paid any more.
            trades.put(ref.payment(), new Trade(ref.payment(), ref.merchant(), ref.method(), ref.amount(), Status.CLOSED));
            return new CancelAnswer.Cancelled(raw("action=close", "recall=N"), false);
        }
        boolean wasPaid = trade.status == Status.PAID;
        if (wasPaid) {
            trade.refunded = trade.amount;
        }
        trade.status = Status.CLOSED;
        return new CancelAnswer.Cancelled(raw(wasPaid ? "action=refund" : "action=close", "recall=N"), wasPaid);
    }

    @Override
    public synchronized RefundAnswer voidSale(RefundCommand command) {
        return applyRefund(command);
    }

    @Override
    public synchronized RefundAnswer refund(RefundCommand command) {
        return applyRefund(command);
    }

    private RefundAnswer applyRefund(RefundCommand command) {
        RefundFault fault = refundFaults.isEmpty() ? RefundFault.NONE : refundFaults.poll();
        if (fault == RefundFault.LOST_BEFORE_CHANNEL) {
            return new RefundAnswer.Pending(new RawCode("TIMEOUT"));
        }
        if (fault == RefundFault.REFUSED && !refundsApplied.contains(command.refund())) {
            return new RefundAnswer.Refused(raw("40004/ACQ.TRADE_NOT_ALLOW_REFUND", "TRADE_ERROR"), ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE);
        }
        Trade trade = trades.get(command.trade().payment());
        if (trade == null || trade.status != Status.PAID) {
            return new RefundAnswer.Refused(raw("40004/ACQ.TRADE_STATUS_ERROR", "ORDERCLOSED"), ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE);
        }
        if (refundsApplied.add(command.refund())) {
            Money after = trade.refunded.plus(command.amount());
            if (after.isGreaterThan(trade.amount)) {
                refundsApplied.remove(command.refund());
                return new RefundAnswer.Refused(raw("40004/ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "REFUND_FEE_INVALID"), ReasonCode.OPERATION_WRONG_TRANSACTION_TYPE);
            }
            trade.refunded = after;
        }
        if (fault == RefundFault.LOST_AFTER_APPLIED) {
            return new RefundAnswer.Pending(new RawCode("TIMEOUT"));
        }
        return new RefundAnswer.Refunded(raw("10000", "SUCCESS"));
    }

    /** Money this channel holds for a merchant: paid trades less what went back. The acquirer's books must agree. */
    public synchronized Money netTaken(MerchantId merchant) {
        Money total = Money.ZERO;
        for (Trade trade : trades.values()) {
            if (trade.merchant.equals(merchant) && (trade.status == Status.PAID || !trade.refunded.isZero())) {
                total = total.plus(trade.amount).minus(trade.refunded);
            }
        }
        return total;
    }

    /** True when the channel holds the money of this payment (paid and not fully given back). */
    public synchronized boolean holdsMoneyOf(PaymentId payment) {
        Trade trade = trades.get(payment);
        return trade != null && trade.status == Status.PAID && trade.refunded.isLessThan(trade.amount);
    }

    public synchronized Map<String, Integer> calls() {
        Map<String, Integer> calls = new HashMap<>();
        calls.put("pay", payCalls);
        calls.put("query", queryCalls);
        calls.put("cancel", cancelCalls);
        return calls;
    }

    public synchronized int queryCalls() {
        return queryCalls;
    }

    public synchronized int cancelCalls() {
        return cancelCalls;
    }

    private Trade open(PayCommand command, Status status) {
        Trade trade = new Trade(command.payment(), command.merchant(), command.method(), command.amount(), status);
        trades.put(command.payment(), trade);
        return trade;
    }

    private ChannelAnswer paid(Trade trade) {
        FundingSource funding = switch (trade.method) {
            case HUABEI -> FundingSource.HUABEI;
            case UNIONPAY_DEBIT -> FundingSource.DEBIT_CARD;
            case UNIONPAY_CREDIT -> FundingSource.CREDIT_CARD;
            default -> FundingSource.WALLET_BALANCE;
        };
        return new ChannelAnswer.Paid(new ChannelTradeNo(channel.name() + "-" + trade.id.value()), funding, raw("10000/TRADE_SUCCESS", "SUCCESS"));
    }

    private RawCode raw(String alipay, String other) {
        return new RawCode(channel == Channel.ALIPAY ? alipay : other);
    }
}
