package io.shoudan.fee;

import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.math.BigInteger;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The fee rounding ({@link FeeRule#ROUNDING}) over every amount and rate, beside {@link FeeTest}'s boundaries. */
class FeeRoundingProperties {

    /** Up to 15 digits of yuan, what {@link Money#parse} accepts. */
    private static final long LARGEST_FEN = 999_999_999_999_999_99L;
    private static final MerchantId MERCHANT = new MerchantId("M100001");
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    @Property
    void aFeeIsTheAmountTimesTheRateHalfUpToTheFen(
            @ForAll @LongRange(min = 0, max = LARGEST_FEN) long amountFen,
            @ForAll @LongRange(min = 0, max = 1_000_000) long ppm) {
        Money fee = new Rate(ppm).of(Money.ofFen(amountFen), FeeRule.ROUNDING);
        BigInteger million = BigInteger.valueOf(1_000_000);
        // twice the rounding error in millionths of a fen: above minus half a fen, at most plus half a fen
        BigInteger twiceError = BigInteger.valueOf(fee.fen()).multiply(million)
                .subtract(BigInteger.valueOf(amountFen).multiply(BigInteger.valueOf(ppm))).shiftLeft(1);
        assertThat(twiceError).isGreaterThan(million.negate()).isLessThanOrEqualTo(million);
    }

    @Property
    void aFeeIsNeverNegativeNorAboveTheAmount(
            @ForAll @LongRange(min = 0, max = LARGEST_FEN) long amountFen,
            @ForAll @LongRange(min = 0, max = 1_000_000) long ppm) {
        Money amount = Money.ofFen(amountFen);
        Money fee = new Rate(ppm).of(amount, FeeRule.ROUNDING);
        assertThat(fee.isNegative()).isFalse();
        assertThat(fee).isLessThanOrEqualTo(amount);
    }

    @Property
    void aLargerAmountNeverHasASmallerFee(
            @ForAll @LongRange(min = 0, max = 1_000_000_000_00L) long amountFen,
            @ForAll @LongRange(min = 0, max = 1_000_000) long moreFen,
            @ForAll @LongRange(min = 0, max = 1_000_000) long ppm) {
        Rate rate = new Rate(ppm);
        assertThat(rate.of(Money.ofFen(amountFen + moreFen), FeeRule.ROUNDING))
                .isGreaterThanOrEqualTo(rate.of(Money.ofFen(amountFen), FeeRule.ROUNDING));
    }

    @Property
    void aHuabeiQuoteSplitsTheSameFeesWhoeverBearsTheInstallmentFee(
            @ForAll("installmentCounts") int count,
            @ForAll @LongRange(min = 1, max = 1_000_000_000_00L) long amountFen,
            @ForAll @LongRange(min = 0, max = 100_000) long merchantPpm) {
        RateCard card = new RateCard(new RateCardId("RC-HUABEI"), 1, MERCHANT, PaymentMethod.HUABEI, FROM, null,
                new FeeRule.Huabei(new Rate(merchantPpm), FeeRule.Huabei.assumedInstallmentRates()));
        Money amount = Money.ofFen(amountFen);
        FeeQuote merchantPays = ((Pricing.Priced) card.price(amount, Installments.of(count, InstallmentFeeBearer.MERCHANT))).quote();
        FeeQuote buyerPays = ((Pricing.Priced) card.price(amount, Installments.of(count, InstallmentFeeBearer.BUYER))).quote();
        Money installmentFee = FeeRule.Huabei.assumedInstallmentRates().get(count).of(amount, FeeRule.ROUNDING);

        assertThat(merchantPays.total()).isEqualTo(merchantPays.charged().acquirer().plus(merchantPays.charged().installment()));
        assertThat(merchantPays.charged().installment()).isEqualTo(installmentFee);
        assertThat(buyerPays.installmentFeeBuyer()).isEqualTo(installmentFee);
        assertThat(buyerPays.charged().installment()).isEqualTo(Money.ZERO);
        assertThat(buyerPays.charged().acquirer()).isEqualTo(merchantPays.charged().acquirer());
    }

    @Property
    void theDebitFeeIsTheRoundedRateOrTheCapWhicheverIsLess(
            @ForAll @LongRange(min = 1, max = 1_000_000_000_00L) long amountFen,
            @ForAll @LongRange(min = 0, max = 20_000) long ppm,
            @ForAll @LongRange(min = 0, max = 10_000) long capFen) {
        RateCard card = new RateCard(new RateCardId("RC-DEBIT"), 1, MERCHANT, PaymentMethod.UNIONPAY_DEBIT, FROM, null,
                new FeeRule.Debit(new Rate(ppm), Money.ofFen(capFen)));
        Money amount = Money.ofFen(amountFen);
        FeeQuote quote = ((Pricing.Priced) card.price(amount, Installments.NONE)).quote();
        assertThat(quote.total()).isEqualTo(Money.min(new Rate(ppm).of(amount, FeeRule.ROUNDING), Money.ofFen(capFen)));
    }

    @Provide
    Arbitrary<Integer> installmentCounts() {
        return Arbitraries.of(FeeRule.Huabei.assumedInstallmentRates().keySet());
    }
}
