package io.shoudan.sandbox.consumer;

import io.shoudan.money.Money;
import java.util.Optional;

/**
 * Why a channel refuses a buyer before looking at their funds, in the order a channel checks: the
 * account first, then the person's certification, then the amount limits. Each channel answers with
 * its own code for each of these.
 */
public enum BuyerRefusal {
    ACCOUNT_FROZEN,
    RISK_CONTROLLED,
    NOT_REAL_NAME_CERTIFIED,
    SINGLE_PAYMENT_LIMIT_EXCEEDED,
    DAILY_LIMIT_EXCEEDED;

    /**
     * @param spentToday what the buyer already paid today (Beijing date), through any channel
     */
    public static Optional<BuyerRefusal> check(Consumer buyer, Money amount, Money spentToday) {
        if (buyer.status() == AccountStatus.FROZEN) {
            return Optional.of(ACCOUNT_FROZEN);
        }
        if (buyer.status() == AccountStatus.RISK_CONTROLLED) {
            return Optional.of(RISK_CONTROLLED);
        }
        if (!buyer.realNameCertified()) {
            return Optional.of(NOT_REAL_NAME_CERTIFIED);
        }
        if (amount.isGreaterThan(buyer.limits().singlePaymentLimit())) {
            return Optional.of(SINGLE_PAYMENT_LIMIT_EXCEEDED);
        }
        if (spentToday.plus(amount).isGreaterThan(buyer.limits().dailyLimit())) {
            return Optional.of(DAILY_LIMIT_EXCEEDED);
        }
        return Optional.empty();
    }
}
