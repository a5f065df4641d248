package io.shoudan.fee;

import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeeTest {

    private static final MerchantId MERCHANT = new MerchantId("M100001");
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    private static RateCard card(PaymentMethod method, FeeRule rule) {
        return new RateCard(new RateCardId("RC-" + method), 1, MERCHANT, method, FROM, null, rule);
    }

    private static FeeQuote quote(RateCard card, String amount, Installments installments) {
        return ((Pricing.Priced) card.price(Money.parse(amount), installments)).quote();
    }

    @ParameterizedTest(name = "{0}% of {1} CNY is {2} CNY")
    @CsvSource({
            // scan 0.38%: 25.00 CNY gives exactly 9.5 fen, which rounds up; one fen less gives 9.4962
            "0.38, 25.00, 0.10",
            "0.38, 24.99, 0.09",
            "0.38, 0.01, 0.00",
            "0.38, 1288.00, 4.89",
            // credit 0.60%: 2.50 CNY is exactly 1.5 fen
            "0.6, 2.50, 0.02",
            "0.6, 2.49, 0.01",
            "0.6, 100000000.00, 600000.00",
            "0.5, 1.00, 0.01",
            "0.5, 0.99, 0.00",
    })
    void aRateRoundsHalfUpToTheFen(String percent, String amount, String fee) {
        assertThat(Rate.percent(percent).of(Money.parse(amount), FeeRule.ROUNDING)).isEqualTo(Money.parse(fee));
    }

    @ParameterizedTest(name = "debit 0.50% capped at 20 CNY on {0} CNY is {1} CNY")
    @CsvSource({
            "3998.99, 19.99",   // 1999.495 fen: just under the cap
            "3999.00, 20.00",   // 1999.5 fen rounds up to the cap
            "4000.00, 20.00",   // exactly at the cap
            "4000.01, 20.00",   // 2000.005 fen: one step over, capped
            "4002.00, 20.00",   // 2001 fen uncapped: one fen over the cap, capped
            "1000000.00, 20.00",
            "0.01, 0.00",
    })
    void theDebitFeeStopsAtItsCap(String amount, String fee) {
        RateCard debit = card(PaymentMethod.UNIONPAY_DEBIT, new FeeRule.Debit(Rate.percent("0.5"), Money.ofYuan(20)));
        FeeQuote quote = quote(debit, amount, Installments.NONE);
        assertThat(quote.total()).isEqualTo(Money.parse(fee));
        assertThat(quote.rateCard()).isEqualTo(new RateCardId("RC-UNIONPAY_DEBIT"));
        assertThat(quote.rateCardVersion()).isEqualTo(1);
    }

    @ParameterizedTest(name = "Huabei {1} installments, seller percent {2}: merchant pays {3} + {4}, buyer {5}")
    @CsvSource({
            "1000.00, 0, 0, 6.00, 0.00, 0.00",
            "1000.00, 3, 100, 6.00, 23.00, 0.00",
            "1000.00, 3, 0, 6.00, 0.00, 23.00",
            "1000.00, 6, 100, 6.00, 45.00, 0.00",
            "1000.00, 12, 100, 6.00, 75.00, 0.00",
            "1000.00, 12, 0, 6.00, 0.00, 75.00",
            "333.33, 3, 100, 2.00, 7.67, 0.00",
    })
    void huabeiInstallmentFeesFallOnWhoeverSellerPercentNames(String amount, int count, int sellerPercent,
                                                             String acquirerFee, String installmentFeeMerchant, String installmentFeeBuyer) {
        RateCard huabei = card(PaymentMethod.HUABEI, new FeeRule.Huabei(Rate.percent("0.6"), FeeRule.Huabei.assumedInstallmentRates()));
        FeeQuote quote = quote(huabei, amount, Installments.of(count, InstallmentFeeBearer.ofSellerPercent(sellerPercent)));
        assertThat(quote.charged().acquirer()).isEqualTo(Money.parse(acquirerFee));
        assertThat(quote.charged().installment()).isEqualTo(Money.parse(installmentFeeMerchant));
        assertThat(quote.installmentFeeBuyer()).isEqualTo(Money.parse(installmentFeeBuyer));
    }

    @Test
    void anInstallmentCountWithoutARateIsNotPriced() {
        RateCard huabei = card(PaymentMethod.HUABEI, new FeeRule.Huabei(Rate.percent("0.6"), FeeRule.Huabei.assumedInstallmentRates()));
        Pricing pricing = huabei.price(Money.parse("1000.00"), Installments.of(24, InstallmentFeeBearer.MERCHANT));
        assertThat(pricing).isInstanceOfSatisfying(Pricing.Unpriced.class,
                unpriced -> assertThat(unpriced.missing()).contains("24 installments").contains("[3, 6, 12]"));
    }

    @Test
    void sellerPercentAcceptsOnlyZeroAndOneHundred() {
        assertThat(InstallmentFeeBearer.ofSellerPercent(0)).isEqualTo(InstallmentFeeBearer.BUYER);
        assertThat(InstallmentFeeBearer.ofSellerPercent(100)).isEqualTo(InstallmentFeeBearer.MERCHANT);
        assertThatThrownBy(() -> InstallmentFeeBearer.ofSellerPercent(50)).hasMessageContaining("0 (buyer pays) or 100");
    }

    @ParameterizedTest(name = "\"{0}\" is {1} ppm and prints {2}")
    @CsvSource({"0.38, 3800, 0.38%", "0.6, 6000, 0.6%", "2.3, 23000, 2.3%", "0.385, 3850, 0.385%", "100, 1000000, 100%", "0, 0, 0%", "0.0001, 1, 0.0001%"})
    void ratesAreExactPartsPerMillion(String percent, long ppm, String printed) {
        Rate rate = Rate.percent(percent);
        assertThat(rate.ppm()).isEqualTo(ppm);
        assertThat(rate).hasToString(printed);
    }

    @ParameterizedTest
    @CsvSource({"0.00001", "-1", "100.01", "abc", "1e2"})
    void aRateIsAPercentageWithAtMostFourDecimals(String text) {
        assertThatThrownBy(() -> Rate.percent(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRuleMustFitTheMethodItPrices() {
        assertThatThrownBy(() -> card(PaymentMethod.UNIONPAY_CREDIT, new FeeRule.Scan(Rate.percent("0.38"))))
                .hasMessageContaining("Scan rule cannot price UNIONPAY_CREDIT");
    }

    @ParameterizedTest(name = "on {0}: version {1}")
    @CsvSource({
            "2025-12-31, 0",   // before any card
            "2026-01-01, 1",   // first day of v1, inclusive
            "2026-05-31, 1",   // last day of v1
            "2026-06-01, 2",   // v1 ended (exclusive), v2 begins
            "2026-09-01, 3",   // v3 overlaps v2: the higher version wins
            "2027-01-01, 2",   // v3 ended, v2 open-ended
    })
    void theHighestVersionInForceOnTheDayPrices(LocalDate day, int version) {
        RateCardId id = new RateCardId("RC-ALIPAY");
        RateCardBook book = new RateCardBook(java.util.List.of(
                new RateCard(id, 1, MERCHANT, PaymentMethod.ALIPAY, FROM, LocalDate.of(2026, 6, 1), new FeeRule.Scan(Rate.percent("0.6"))),
                new RateCard(id, 2, MERCHANT, PaymentMethod.ALIPAY, LocalDate.of(2026, 6, 1), null, new FeeRule.Scan(Rate.percent("0.38"))),
                new RateCard(id, 3, MERCHANT, PaymentMethod.ALIPAY, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 1), new FeeRule.Scan(Rate.percent("0.2")))));
        assertThat(book.inForce(MERCHANT, PaymentMethod.ALIPAY, day).map(RateCard::version).orElse(0)).isEqualTo(version);
        assertThat(book.inForce(new MerchantId("M999"), PaymentMethod.ALIPAY, day)).isEmpty();
    }

    @Test
    void aRateCardVersionIsNeverEditedInPlace() {
        RateCardBook book = new RateCardBook();
        RateCard card = card(PaymentMethod.ALIPAY, new FeeRule.Scan(Rate.percent("0.38")));
        book.add(card);
        assertThatThrownBy(() -> book.add(card)).hasMessageContaining("already exists");
    }

    @Test
    void theInstallmentScheduleAssumedIsTwoPointThreeFourPointFiveSevenPointFive() {
        assertThat(FeeRule.Huabei.assumedInstallmentRates()).isEqualTo(Map.of(
                3, Rate.percent("2.3"), 6, Rate.percent("4.5"), 12, Rate.percent("7.5")));
    }
}
