package io.shoudan.sandbox.wechat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A micropay order's {@code trade_state}, as an explicit state machine. WeChat's v2 documentation
 * spells the reversed state {@code REVOKED} (已撤销); the err_code for paying a reversed order is
 * {@code ORDERREVERSED}.
 */
public enum TradeState {
    SUCCESS("支付成功"),
    REFUND("转入退款"),
    NOTPAY("未支付"),
    CLOSED("已关闭"),
    REVOKED("已撤销（付款码支付）"),
    USERPAYING("用户支付中（付款码支付）"),
    PAYERROR("支付失败(其他原因，如银行返回失败)");

    private static final Map<TradeState, Set<TradeState>> ALLOWED = Map.of(
            NOTPAY, EnumSet.of(USERPAYING, SUCCESS, PAYERROR, REVOKED),
            USERPAYING, EnumSet.of(SUCCESS, PAYERROR, CLOSED, REVOKED),
            // A failed attempt may be retried under the same out_trade_no by the same buyer.
            PAYERROR, EnumSet.of(USERPAYING, SUCCESS, PAYERROR, REVOKED),
            SUCCESS, EnumSet.of(REFUND, REVOKED),
            REFUND, EnumSet.of(REFUND, REVOKED),
            CLOSED, EnumSet.noneOf(TradeState.class),
            REVOKED, EnumSet.noneOf(TradeState.class));

    private final String descZh;

    TradeState(String descZh) {
        this.descZh = descZh;
    }

    /** The {@code trade_state_desc}. */
    public String descZh() {
        return descZh;
    }

    public boolean canBecome(TradeState next) {
        return ALLOWED.get(this).contains(next);
    }

    public TradeState become(TradeState next) {
        if (!canBecome(next)) {
            throw new IllegalStateException("illegal order transition " + this + " -> " + next);
        }
        return next;
    }
}
