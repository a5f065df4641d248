package io.shoudan.payment;

import io.shoudan.money.Money;

/** A refund or void to send to the channel; {@code refund} is the {@code out_request_no}, the same on every retry. */
public record RefundCommand(RefundId refund, RefundKind kind, TradeRef trade, Money amount) {

    public RefundCommand {
        if (refund == null || kind == null || trade == null || amount == null || !amount.isPositive()) {
            throw new IllegalArgumentException("a refund command needs refund id, kind, trade and a positive amount");
        }
    }
}
