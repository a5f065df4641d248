package io.shoudan.fee;

import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;

import java.time.LocalDate;

/**
 * One version of a merchant's price for one method, in force on the days {@code effectiveFrom <= day
 * < effectiveTo} (business days, Asia/Shanghai). A change of price is a new version, never an edit,
 * so every fixed fee can name the exact version that priced it.
 *
 * @param effectiveTo first day no longer covered; {@code null}: open-ended
 */
public record RateCard(
        RateCardId id,
        int version,
        MerchantId merchant,
        PaymentMethod method,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        FeeRule rule) {

    public RateCard {
        if (id == null || merchant == null || method == null || effectiveFrom == null || rule == null) {
            throw new IllegalArgumentException("a rate card needs id, merchant, method, effectiveFrom and rule");
        }
        if (version < 1) {
            throw new IllegalArgumentException("rate card versions start at 1, got " + version);
        }
        if (effectiveTo != null && !effectiveFrom.isBefore(effectiveTo)) {
            throw new IllegalArgumentException("rate card " + id + " v" + version + " ends (" + effectiveTo
                    + ") before it starts (" + effectiveFrom + ")");
        }
        if (!rule.fits(method)) {
            throw new IllegalArgumentException("a " + rule.getClass().getSimpleName() + " rule cannot price " + method);
        }
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || day.isBefore(effectiveTo));
    }

    /** Prices {@code amount} (positive) with this card; {@link Pricing.Unpriced} when the installment count has no rate. */
    public Pricing price(Money amount, Installments installments) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("only a positive amount has a fee, got " + amount);
        }
        return switch (rule) {
            case FeeRule.Debit debit -> priced(amount, Money.min(debit.rate().of(amount, FeeRule.ROUNDING), debit.cap()), Money.ZERO, Money.ZERO);
            case FeeRule.Credit credit -> priced(amount, credit.rate().of(amount, FeeRule.ROUNDING), Money.ZERO, Money.ZERO);
            case FeeRule.Scan scan -> priced(amount, scan.rate().of(amount, FeeRule.ROUNDING), Money.ZERO, Money.ZERO);
            case FeeRule.Huabei huabei -> priceHuabei(huabei, amount, installments);
        };
    }

    private Pricing priceHuabei(FeeRule.Huabei huabei, Money amount, Installments installments) {
        Money merchantFee = huabei.merchantRate().of(amount, FeeRule.ROUNDING);
        if (!installments.any()) {
            return priced(amount, merchantFee, Money.ZERO, Money.ZERO);
        }
        Rate installmentRate = huabei.installmentRates().get(installments.count());
        if (installmentRate == null) {
            return new Pricing.Unpriced("rate card " + id + " v" + version + " has no Huabei rate for "
                    + installments.count() + " installments (has " + huabei.installmentRates().keySet() + ")");
        }
        Money installmentFee = installmentRate.of(amount, FeeRule.ROUNDING);
        return installments.bearer() == InstallmentFeeBearer.MERCHANT
                ? priced(amount, merchantFee, installmentFee, Money.ZERO)
                : priced(amount, merchantFee, Money.ZERO, installmentFee);
    }

    private Pricing priced(Money amount, Money acquirerFee, Money installmentFeeMerchant, Money installmentFeeBuyer) {
        return new Pricing.Priced(new FeeQuote(id, version, amount,
                new FeeSplit(acquirerFee, installmentFeeMerchant), installmentFeeBuyer));
    }
}
