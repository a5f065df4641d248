package io.shoudan.fee;

import io.shoudan.money.Money;

/**
 * The fee for one payment as priced by one version of one rate card. Quoted before the channel is
 * called and fixed, unchanged, when the payment succeeds, so a later rate change never reprices it.
 *
 * @param charged             what the merchant pays: the acquirer's fee and any installment fee it bears
 * @param installmentFeeBuyer the installment fee the buyer pays Huabei on top (information only: it
 *                            never passes through the acquirer's books)
 */
public record FeeQuote(RateCardId rateCard, int rateCardVersion, Money amount, FeeSplit charged, Money installmentFeeBuyer) {

    public FeeQuote {
        if (rateCard == null || amount == null || charged == null || installmentFeeBuyer == null) {
            throw new IllegalArgumentException("a fee quote needs its rate card, amount, fee and buyer's installment fee");
        }
        if (rateCardVersion < 1) {
            throw new IllegalArgumentException("rate card versions start at 1, got " + rateCardVersion);
        }
        if (charged.total().isGreaterThan(amount)) {
            throw new IllegalArgumentException("fee " + charged.total() + " is above the amount " + amount);
        }
    }

    public Money total() {
        return charged.total();
    }
}
