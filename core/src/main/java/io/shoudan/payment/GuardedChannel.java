package io.shoudan.payment;

/**
 * Calls a gateway so that an adapter that throws still yields an answer. A thrown call may have
 * moved money, so it becomes an unknown outcome ({@code Pending} / {@code NotCancelled}), never a
 * refusal; only the exception's class is kept, since its message might quote a payment code or
 * card data.
 */
final class GuardedChannel {

    private GuardedChannel() {
    }

    static ChannelAnswer pay(ChannelGateway gateway, PayCommand command) {
        try {
            return gateway.pay(command);
        } catch (RuntimeException broken) {
            return new ChannelAnswer.Pending(code(broken), PendingCause.SYSTEM_ERROR);
        }
    }

    static ChannelAnswer query(ChannelGateway gateway, TradeRef trade) {
        try {
            return gateway.query(trade);
        } catch (RuntimeException broken) {
            return new ChannelAnswer.Pending(code(broken), PendingCause.SYSTEM_ERROR);
        }
    }

    static CancelAnswer cancel(ChannelGateway gateway, TradeRef trade) {
        try {
            return gateway.cancel(trade);
        } catch (RuntimeException broken) {
            return new CancelAnswer.NotCancelled(code(broken));
        }
    }

    static RefundAnswer refund(ChannelGateway gateway, RefundCommand command) {
        try {
            return command.kind() == RefundKind.VOID ? gateway.voidSale(command) : gateway.refund(command);
        } catch (RuntimeException broken) {
            return new RefundAnswer.Pending(code(broken));
        }
    }

    private static RawCode code(RuntimeException broken) {
        return new RawCode("EXCEPTION:" + broken.getClass().getSimpleName());
    }
}
