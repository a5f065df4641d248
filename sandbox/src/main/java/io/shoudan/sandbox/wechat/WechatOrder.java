package io.shoudan.sandbox.wechat;

import io.shoudan.money.Money;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.SourceId;
import io.shoudan.sandbox.merchant.MerchantKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One micropay order inside the simulated WeChat Pay. Mutable, guarded by the sandbox monitor. */
final class WechatOrder {

    /** What makes two micropays with the same out_trade_no "the same order". */
    record Content(Money totalFee, String body, String limitPay) {
    }

    record Refund(String refundId, Money amount) {
    }

    final long sequence;
    final String transactionId;
    final String outTradeNo;
    final MerchantKey merchant;
    /** Null for an order that only exists because a reverse closed an unknown out_trade_no. */
    final Content content;
    final Instant createdAt;
    final Map<String, Refund> refunds = new LinkedHashMap<>();

    TradeState state;
    ConsumerId buyer;
    Instant confirmAt;
    Instant waitingSince;
    SourceId source;
    String bankType;
    Instant paidAt;
    Money refunded = Money.ZERO;

    WechatOrder(long sequence, String transactionId, String outTradeNo, MerchantKey merchant, Content content,
                Instant createdAt, TradeState state) {
        this.sequence = sequence;
        this.transactionId = transactionId;
        this.outTradeNo = outTradeNo;
        this.merchant = merchant;
        this.content = content;
        this.createdAt = createdAt;
        this.state = state;
    }

    void moveTo(TradeState next) {
        state = state.become(next);
    }

    Money total() {
        return content == null ? Money.ZERO : content.totalFee();
    }
}
