package io.shoudan.payment;

import io.shoudan.fee.FeeQuote;
import io.shoudan.fee.FeeSplit;
import io.shoudan.merchant.MerchantId;
import io.shoudan.money.Money;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payment aggregate: immutable; every change returns a new value with {@code version + 1}, which
 * the store writes only over the version before it (optimistic locking), so two nodes settling the
 * same payment cannot both win. State changes go through {@link PaymentState#requireMove}.
 *
 * @param verdict              the gate's reasons: the blocking ones of a DECLINED payment, warnings otherwise
 * @param fee                  the quote, fixed unchanged when the payment succeeds; {@code null} only when declined
 * @param failure              FAILED: the channel's refusal; REVERSED: why it was reversed; DECLINED: the first blocking reason's code with raw {@code GATE}
 * @param channelTradeNo       the channel's trade number once known
 * @param reversalReturnedMoney REVERSED only: the cancel/reversal gave back money the channel had taken
 * @param refunded             given back by successful refunds and voids
 * @param refundsPending       reserved by refunds whose answer is not yet known
 * @param feeReturned          fee given back with refunds and voids
 * @param settledAt            when the payment went into a settlement batch; no void after that
 */
public record Payment(
        PaymentId id,
        SaleRequest request,
        PaymentState state,
        long version,
        Instant createdAt,
        Instant updatedAt,
        List<Reason> verdict,
        FeeQuote fee,
        Failure failure,
        ChannelTradeNo channelTradeNo,
        FundingSource fundingSource,
        Instant succeededAt,
        boolean reversalReturnedMoney,
        Money refunded,
        Money refundsPending,
        FeeSplit feeReturned,
        Instant settledAt,
        List<Transition> history) {

    public Payment {
        if (id == null || request == null || state == null || createdAt == null || updatedAt == null
                || refunded == null || refundsPending == null || feeReturned == null) {
            throw new IllegalArgumentException("a payment needs id, request, state, times and refund totals");
        }
        if (version < 1) {
            throw new IllegalArgumentException("payment versions start at 1, got " + version);
        }
        verdict = List.copyOf(verdict == null ? List.of() : verdict);
        history = List.copyOf(history == null ? List.of() : history);
        if (state != PaymentState.DECLINED && state != PaymentState.CREATED && fee == null) {
            throw new IllegalArgumentException("payment " + id + " in " + state + " needs its fee quote");
        }
        if (state.wasCaptured() && (succeededAt == null || channelTradeNo == null)) {
            throw new IllegalArgumentException("payment " + id + " in " + state + " needs succeededAt and the channel's trade number");
        }
        if ((state == PaymentState.FAILED || state == PaymentState.DECLINED || state == PaymentState.REVERSED) && failure == null) {
            throw new IllegalArgumentException("payment " + id + " in " + state + " needs the reason it ended there");
        }
        if (refunded.isNegative() || refundsPending.isNegative()
                || refunded.plus(refundsPending).isGreaterThan(Money.max(request.amount(), Money.ZERO))) {
            throw new IllegalArgumentException("payment " + id + ": refunded " + refunded + " + pending " + refundsPending
                    + " exceeds the amount " + request.amount());
        }
    }

    /** CREATED → DECLINED in one step: the gate refused, nothing reached a channel. */
    public static Payment declined(PaymentId id, SaleRequest request, Instant now, List<Reason> reasons) {
        ReasonCode first = reasons.stream().filter(Reason::blocking).map(Reason::code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a declined payment needs a blocking reason"));
        return new Payment(id, request, PaymentState.CREATED.requireMove(PaymentState.DECLINED), 1, now, now, reasons, null,
                new Failure(first, new RawCode("GATE")), null, null, null, false, Money.ZERO, Money.ZERO, FeeSplit.NONE, null,
                List.of(new Transition(PaymentState.CREATED, PaymentState.DECLINED, now, null)));
    }

    /**
     * CREATED → REVERSED in one step: a sale that arrived after its terminal's reversal ({@link EarlyReversal}) is
     * never sent to a channel; it ends with {@code OPERATION.TRADE_CLOSED}, raw {@code TERMINAL_REVERSAL}, nothing taken.
     */
    public static Payment reversedOnArrival(PaymentId id, SaleRequest request, Instant now, List<Reason> warnings, FeeQuote fee) {
        RawCode raw = new RawCode("TERMINAL_REVERSAL");
        return new Payment(id, request, PaymentState.CREATED.requireMove(PaymentState.REVERSED), 1, now, now, warnings, fee,
                new Failure(ReasonCode.OPERATION_TRADE_CLOSED, raw), null, null, null, false, Money.ZERO, Money.ZERO, FeeSplit.NONE, null,
                List.of(new Transition(PaymentState.CREATED, PaymentState.REVERSED, now, raw)));
    }

    /** CREATED → PROCESSING in one step, as first persisted: the channel is called only after this is stored. */
    public static Payment processing(PaymentId id, SaleRequest request, Instant now, List<Reason> warnings, FeeQuote fee) {
        return new Payment(id, request, PaymentState.CREATED.requireMove(PaymentState.PROCESSING), 1, now, now, warnings, fee,
                null, null, null, null, false, Money.ZERO, Money.ZERO, FeeSplit.NONE, null,
                List.of(new Transition(PaymentState.CREATED, PaymentState.PROCESSING, now, null)));
    }

    public MerchantId merchant() {
        return request.merchant();
    }

    public Money amount() {
        return request.amount();
    }

    /** The fee, once fixed: present exactly when the payment took the money. */
    public Optional<FeeQuote> fixedFee() {
        return state.wasCaptured() ? Optional.of(fee) : Optional.empty();
    }

    /** What may still be refunded: the amount less refunds done and refunds pending. */
    public Money refundable() {
        return state == PaymentState.SUCCEEDED || state == PaymentState.PARTIALLY_REFUNDED
                ? amount().minus(refunded).minus(refundsPending) : Money.ZERO;
    }

    /** The fee the merchant bears in the end: charged less returned; zero unless the money was taken. */
    public Money netFee() {
        return state.wasCaptured() ? fee.total().minus(feeReturned.total()) : Money.ZERO;
    }

    public Payment succeeded(Instant now, ChannelTradeNo tradeNo, FundingSource funding, RawCode raw) {
        if (tradeNo == null || funding == null) {
            throw new IllegalArgumentException("a success needs the channel's trade number and the funding source");
        }
        Draft draft = move(PaymentState.SUCCEEDED, now, raw);
        draft.channelTradeNo = tradeNo;
        draft.fundingSource = funding;
        draft.succeededAt = now;
        return draft.build();
    }

    public Payment failed(Instant now, Failure why) {
        Draft draft = move(PaymentState.FAILED, now, why.raw());
        draft.failure = why;
        return draft.build();
    }

    public Payment unknown(Instant now, RawCode raw) {
        return move(PaymentState.UNKNOWN, now, raw).build();
    }

    public Payment reversed(Instant now, RawCode raw, boolean moneyReturned) {
        Draft draft = move(PaymentState.REVERSED, now, raw);
        draft.failure = new Failure(ReasonCode.NETWORK_CHANNEL_TIMEOUT, raw);
        draft.reversalReturnedMoney = moneyReturned;
        return draft.build();
    }

    /** Reserves {@code amount} for a refund or void whose answer is not known yet; the state does not change. */
    public Payment reserve(Money amount, Instant now) {
        if (!amount.isPositive() || amount.isGreaterThan(refundable())) {
            throw new IllegalStateException("payment " + id + " in " + state + " cannot reserve " + amount
                    + " (refundable " + refundable() + ")");
        }
        Draft draft = new Draft(this, now);
        draft.refundsPending = refundsPending.plus(amount);
        return draft.build();
    }

    /** Gives back a reservation whose refund the channel refused. */
    public Payment release(Money amount, Instant now) {
        Draft draft = new Draft(this, now);
        draft.refundsPending = refundsPending.minus(amount);
        return draft.build();
    }

    /** A reserved refund or void went through: moves to VOIDED, REFUNDED or PARTIALLY_REFUNDED. */
    public Payment refundDone(RefundKind kind, Money amount, FeeSplit feeReturnedNow, Instant now, RawCode raw) {
        Money refundedAfter = refunded.plus(amount);
        PaymentState target = kind == RefundKind.VOID ? PaymentState.VOIDED
                : refundedAfter.equals(amount()) ? PaymentState.REFUNDED : PaymentState.PARTIALLY_REFUNDED;
        if (kind == RefundKind.VOID && !refundedAfter.equals(amount())) {
            throw new IllegalStateException("a void gives back the whole payment " + amount() + ", not " + amount);
        }
        Draft draft = move(target, now, raw);
        draft.refunded = refundedAfter;
        draft.refundsPending = refundsPending.minus(amount);
        draft.feeReturned = feeReturned.plus(feeReturnedNow);
        return draft.build();
    }

    /** Marks the payment as included in a settlement batch: from now on it can be refunded but not voided. */
    public Payment settled(Instant now) {
        if (!state.wasCaptured() || settledAt != null) {
            throw new IllegalStateException("payment " + id + " in " + state + (settledAt != null ? " is already settled" : " has nothing to settle"));
        }
        Draft draft = new Draft(this, now);
        draft.settledAt = now;
        return draft.build();
    }

    private Draft move(PaymentState target, Instant now, RawCode raw) {
        Draft draft = new Draft(this, now);
        draft.state = state.requireMove(target);
        draft.history.add(new Transition(state, target, now, raw));
        return draft;
    }

    /** The mutable copy a change is made on; never escapes this class. */
    private static final class Draft {
        private final Payment from;
        private final Instant now;
        private PaymentState state;
        private Failure failure;
        private ChannelTradeNo channelTradeNo;
        private FundingSource fundingSource;
        private Instant succeededAt;
        private boolean reversalReturnedMoney;
        private Money refunded;
        private Money refundsPending;
        private FeeSplit feeReturned;
        private Instant settledAt;
        private final List<Transition> history;

        Draft(Payment from, Instant now) {
            this.from = from;
            this.now = now;
            state = from.state;
            failure = from.failure;
            channelTradeNo = from.channelTradeNo;
            fundingSource = from.fundingSource;
            succeededAt = from.succeededAt;
            reversalReturnedMoney = from.reversalReturnedMoney;
            refunded = from.refunded;
            refundsPending = from.refundsPending;
            feeReturned = from.feeReturned;
            settledAt = from.settledAt;
            history = new ArrayList<>(from.history);
        }

        Payment build() {
            return new Payment(from.id, from.request, state, from.version + 1, from.createdAt, now, from.verdict, from.fee,
                    failure, channelTradeNo, fundingSource, succeededAt, reversalReturnedMoney, refunded, refundsPending,
                    feeReturned, settledAt, history);
        }
    }
}
