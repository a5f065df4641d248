package io.shoudan.ledger;

import io.shoudan.merchant.MerchantId;
import io.shoudan.money.Money;

/**
 * What the payment records say one merchant is owed, independent of the ledger: the amount of its
 * successful payments, less what went back to consumers (refunds and voids), less net fees (charged
 * less returned). {@link LedgerCheck} compares it with the merchant's payable balance.
 */
public record MerchantTotals(MerchantId merchant, Money succeeded, Money refunded, Money fees) {

    public MerchantTotals {
        if (merchant == null || succeeded == null || refunded == null || fees == null) {
            throw new IllegalArgumentException("merchant totals need merchant, succeeded, refunded and fees");
        }
    }

    public static MerchantTotals zero(MerchantId merchant) {
        return new MerchantTotals(merchant, Money.ZERO, Money.ZERO, Money.ZERO);
    }

    public MerchantTotals plus(Money succeededMore, Money refundedMore, Money feesMore) {
        return new MerchantTotals(merchant, succeeded.plus(succeededMore), refunded.plus(refundedMore), fees.plus(feesMore));
    }

    /** successful − refunded − fees. */
    public Money expectedPayable() {
        return succeeded.minus(refunded).minus(fees);
    }
}
