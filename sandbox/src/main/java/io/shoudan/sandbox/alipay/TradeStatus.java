package io.shoudan.sandbox.alipay;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An Alipay trade's {@code trade_status}, as an explicit state machine. A transition outside the
 * table is a bug in the simulator and fails loudly.
 */
public enum TradeStatus {
    WAIT_BUYER_PAY, TRADE_CLOSED, TRADE_SUCCESS, TRADE_FINISHED;

    private static final Map<TradeStatus, Set<TradeStatus>> ALLOWED = Map.of(
            WAIT_BUYER_PAY, EnumSet.of(TRADE_SUCCESS, TRADE_CLOSED),
            // Closed after payment means fully refunded (or cancelled with action=refund).
            TRADE_SUCCESS, EnumSet.of(TRADE_CLOSED, TRADE_FINISHED),
            TRADE_CLOSED, EnumSet.noneOf(TradeStatus.class),
            TRADE_FINISHED, EnumSet.noneOf(TradeStatus.class));

    public boolean canBecome(TradeStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public TradeStatus become(TradeStatus next) {
        if (!canBecome(next)) {
            throw new IllegalStateException("illegal trade transition " + this + " -> " + next);
        }
        return next;
    }
}
