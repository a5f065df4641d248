package io.shoudan.payment;

import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;

/**
 * Names a trade at the channel for query, cancel, void and refund.
 *
 * @param channelTradeNo the channel's number when known; {@code null} after a timeout (query by {@code payment})
 */
public record TradeRef(PaymentId payment, MerchantId merchant, PaymentMethod method, Money amount, ChannelTradeNo channelTradeNo) {

    public TradeRef {
        if (payment == null || merchant == null || method == null || amount == null) {
            throw new IllegalArgumentException("a trade reference needs payment, merchant, method and amount");
        }
    }

    public static TradeRef of(Payment payment) {
        return new TradeRef(payment.id(), payment.merchant(), payment.request().method(), payment.amount(), payment.channelTradeNo());
    }
}
