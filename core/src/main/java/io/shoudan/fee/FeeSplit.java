package io.shoudan.fee;

import io.shoudan.money.Money;

/**
 * A fee charged to (or returned to) a merchant, split by who earns it: the acquirer's own fee and the
 * Huabei installment fee the merchant bears, which the channel withholds.
 */
public record FeeSplit(Money acquirer, Money installment) {

    public static final FeeSplit NONE = new FeeSplit(Money.ZERO, Money.ZERO);

    public FeeSplit {
        if (acquirer == null || installment == null || acquirer.isNegative() || installment.isNegative()) {
            throw new IllegalArgumentException("fee parts must be present and not negative, got " + acquirer + " and " + installment);
        }
    }

    public Money total() {
        return acquirer.plus(installment);
    }

    public FeeSplit plus(FeeSplit other) {
        return new FeeSplit(acquirer.plus(other.acquirer), installment.plus(other.installment));
    }

    public FeeSplit minus(FeeSplit other) {
        return new FeeSplit(acquirer.minus(other.acquirer), installment.minus(other.installment));
    }

    public boolean isZero() {
        return acquirer.isZero() && installment.isZero();
    }
}
