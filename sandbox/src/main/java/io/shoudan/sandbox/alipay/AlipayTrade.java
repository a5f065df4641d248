package io.shoudan.sandbox.alipay;

import io.shoudan.money.Money;
import io.shoudan.sandbox.consumer.ConsumerId;
import io.shoudan.sandbox.consumer.SourceId;
import io.shoudan.sandbox.merchant.MerchantKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** One trade inside the simulated Alipay. Mutable, guarded by the sandbox monitor. */
final class AlipayTrade {

    /** What makes two pays with the same out_trade_no "the same request". */
    record Content(Money totalAmount, String subject, Set<PayChannel> disabled, HuabeiInstallment installment) {
    }

    final long sequence;
    final String tradeNo;
    final String outTradeNo;
    final MerchantKey merchant;
    /** Null for a trade that only exists because a cancel closed an unknown out_trade_no. */
    final Content content;
    final ConsumerId buyer;
    final Instant createdAt;
    /** When the buyer confirms the password; null: never (or no password step). */
    final Instant confirmAt;
    final Map<String, Money> refundsByRequestNo = new LinkedHashMap<>();

    TradeStatus status;
    SourceId source;
    FundBill fundBill;
    /** What the buyer's source paid: total_amount plus the installment fee when the buyer bears it. */
    Money buyerPayAmount = Money.ZERO;
    Money installmentFee = Money.ZERO;
    Instant paidAt;
    Money refunded = Money.ZERO;
    Money feeRefunded = Money.ZERO;
    String cancelAction;

    AlipayTrade(long sequence, String tradeNo, String outTradeNo, MerchantKey merchant, Content content,
                ConsumerId buyer, Instant createdAt, Instant confirmAt, TradeStatus status) {
        this.sequence = sequence;
        this.tradeNo = tradeNo;
        this.outTradeNo = outTradeNo;
        this.merchant = merchant;
        this.content = content;
        this.buyer = buyer;
        this.createdAt = createdAt;
        this.confirmAt = confirmAt;
        this.status = status;
    }

    void moveTo(TradeStatus next) {
        status = status.become(next);
    }

    Money total() {
        return content == null ? Money.ZERO : content.totalAmount();
    }

    HuabeiInstallment installment() {
        return content == null ? null : content.installment();
    }

    Money refundable() {
        return total().minus(refunded);
    }
}
