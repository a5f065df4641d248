package io.shoudan.payment;

import io.shoudan.method.Channel;

/**
 * Port: one channel (Alipay, WeChat Pay, UnionPay) as the payment service sees it. Adapters live in
 * the {@code channels} module and simulators in {@code sandbox}; they map wire codes onto
 * {@link ChannelAnswer} / {@link CancelAnswer} / {@link RefundAnswer} and keep the raw code. A method
 * returns {@code Pending} / {@code NotCancelled} for timeouts rather than throwing; an exception is
 * still treated as an unknown outcome, never as a refusal, because money may have moved.
 */
public interface ChannelGateway {

    Channel channel();

    /** Takes a payment (Alipay {@code alipay.trade.pay}, WeChat {@code micropay}, UnionPay 0200 sale). */
    ChannelAnswer pay(PayCommand command);

    /** Asks what became of a payment; {@code Pending} while the consumer has not confirmed or the trade is not found yet. */
    ChannelAnswer query(TradeRef trade);

    /** Cancels or reverses a payment whose outcome is unknown: closes it if unpaid, gives the money back if paid. */
    CancelAnswer cancel(TradeRef trade);

    /** Voids a successful payment on its business day, before settlement (Alipay cancel, WeChat reverse/refund, UnionPay 消费撤销). */
    RefundAnswer voidSale(RefundCommand command);

    /** Refunds part or all of a successful payment (Alipay refund with {@code out_request_no}, WeChat refund, UnionPay 退货). */
    RefundAnswer refund(RefundCommand command);
}
