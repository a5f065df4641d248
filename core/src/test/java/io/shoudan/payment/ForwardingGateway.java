package io.shoudan.payment;

import io.shoudan.method.Channel;

/** A gateway that passes every call to another; tests override one method to watch or break it. */
class ForwardingGateway implements ChannelGateway {

    private final ChannelGateway target;

    ForwardingGateway(ChannelGateway target) {
        this.target = target;
    }

    @Override
    public Channel channel() {
        return target.channel();
    }

    @Override
    public ChannelAnswer pay(PayCommand command) {
        return target.pay(command);
    }

    @Override
    public ChannelAnswer query(TradeRef trade) {
        return target.query(trade);
    }

    @Override
    public CancelAnswer cancel(TradeRef trade) {
        return target.cancel(trade);
    }

    @Override
    public RefundAnswer voidSale(RefundCommand command) {
        return target.voidSale(command);
    }

    @Override
    public RefundAnswer refund(RefundCommand command) {
        return target.refund(command);
    }
}
