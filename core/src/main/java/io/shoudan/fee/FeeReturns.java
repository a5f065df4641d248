package io.shoudan.fee;

import io.shoudan.money.Money;

/**
 * The fee given back when money goes back to the consumer.
 *
 * <p>Rule: the fee returned so far is always the charged fee in proportion to the amount returned so
 * far, rounded per part as every fee is ({@link FeeRule#ROUNDING}, half-up): {@code returnedAfter = round(charged × refundedAfter ÷ amount)}, and
 * this refund returns {@code returnedAfter − returnedBefore}. Working on the running totals, rather
 * than rounding each refund on its own, means rounding never drifts: however a payment is refunded in
 * pieces, a full refund returns exactly the fee charged, and no refund ever returns more than what is
 * left of it. A void returns the whole fee (the payment is treated as never having happened). The
 * installment part follows the same rule, on the assumption that Huabei returns its fee in
 * proportion too (unverified).
 */
public final class FeeReturns {

    private FeeReturns() {
    }

    /**
     * @param charged        the fee fixed when the payment succeeded
     * @param amount         the payment's amount
     * @param refundedBefore what was already returned to the consumer before this refund
     * @param refundNow      this refund
     * @param returnedBefore the fee already returned
     */
    public static FeeSplit forRefund(FeeSplit charged, Money amount, Money refundedBefore, Money refundNow, FeeSplit returnedBefore) {
        Money refundedAfter = refundedBefore.plus(refundNow);
        if (!refundNow.isPositive() || refundedAfter.isGreaterThan(amount) || refundedBefore.isNegative()) {
            throw new IllegalArgumentException("refund " + refundNow + " after " + refundedBefore + " does not fit in " + amount);
        }
        FeeSplit returnedAfter = new FeeSplit(
                charged.acquirer().shareOf(refundedAfter, amount, FeeRule.ROUNDING),
                charged.installment().shareOf(refundedAfter, amount, FeeRule.ROUNDING));
        return returnedAfter.minus(returnedBefore);
    }
}
