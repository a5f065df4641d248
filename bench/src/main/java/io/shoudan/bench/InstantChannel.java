package io.shoudan.bench;

import io.shoudan.method.Channel;
import io.shoudan.payment.CancelAnswer;
import io.shoudan.payment.ChannelAnswer;
import io.shoudan.payment.ChannelGateway;
import io.shoudan.payment.ChannelTradeNo;
import io.shoudan.payment.FundingSource;
import io.shoudan.payment.PayCommand;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.RefundAnswer;
import io.shoudan.payment.RefundCommand;
import io.shoudan.payment.TradeRef;

/**
 * A channel that answers at once and always yes, for measuring the payment service and its store
 * alone: no network, no simulated consumer, no fault. It does not keep balances or check codes —
 * that is the sandbox's job; here the channel's cost is deliberately zero so the numbers are the
 * service's (gate, pricing, two store transactions), nothing else. Answers carry the same shapes a
 * real adapter returns (Alipay's {@code 10000}, a trade number derived from our id).
 */
final class InstantChannel implements ChannelGateway {

    private static final RawCode SUCCESS = new RawCode("10000");

    private final Channel channel;

    InstantChannel(Channel channel) {
        this.channel = channel;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public ChannelAnswer pay(PayCommand command) {
        return new ChannelAnswer.Paid(new ChannelTradeNo("T" + command.payment().value()), FundingSource.WALLET_BALANCE, SUCCESS);
    }

    @Override
    public ChannelAnswer query(TradeRef trade) {
        return new ChannelAnswer.Paid(new ChannelTradeNo("T" + trade.payment().value()), FundingSource.WALLET_BALANCE, SUCCESS);
    }

    @Override
    public CancelAnswer cancel(TradeRef trade) {
        return new CancelAnswer.Cancelled(SUCCESS, true);
    }

    @Override
    public RefundAnswer voidSale(RefundCommand command) {
        return new RefundAnswer.Refunded(SUCCESS);
    }

    @Override
    public RefundAnswer refund(RefundCommand command) {
        return new RefundAnswer.Refunded(SUCCESS);
    }
}
