package io.shoudan.store.fee;

import io.shoudan.fee.FeeRule;
import io.shoudan.fee.Rate;
import io.shoudan.fee.RateCard;
import io.shoudan.fee.RateCardId;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.store.merchant.MerchantRepository;
import io.shoudan.store.testing.Fixtures;
import io.shoudan.store.testing.StoreContract;
import io.shoudan.store.testing.TestDatabase;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

abstract class JooqRateCardsContract extends StoreContract {

    private static final MerchantId MERCHANT = new MerchantId("M1");
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    private RateCardRepository repository;
    private JooqRateCards rateCards;

    JooqRateCardsContract(TestDatabase kind) {
        super(kind);
    }

    @Override
    protected void createRepositories() {
        new MerchantRepository(database, clock, ZoneId.of("Asia/Shanghai")).save(Fixtures.merchant("M1"));
        repository = new RateCardRepository(database, clock);
        rateCards = new JooqRateCards(database);
    }

    private static RateCard card(PaymentMethod method, int version, LocalDate from, LocalDate to, FeeRule rule) {
        return new RateCard(new RateCardId("RC-M1-" + method), version, MERCHANT, method, from, to, rule);
    }

    @Test
    void everyKindOfRuleReadsBackEqualToWhatWasSaved() {
        var cards = java.util.List.of(
                card(PaymentMethod.UNIONPAY_DEBIT, 1, JAN_1, null, new FeeRule.Debit(Rate.percent("0.5"), Money.ofYuan(20))),
                card(PaymentMethod.UNIONPAY_CREDIT, 1, JAN_1, null, new FeeRule.Credit(Rate.percent("0.6"))),
                card(PaymentMethod.ALIPAY, 1, JAN_1, null, new FeeRule.Scan(Rate.percent("0.38"))),
                card(PaymentMethod.WECHAT_PAY, 1, JAN_1, null, new FeeRule.Scan(Rate.percent("0.385"))),
                card(PaymentMethod.UNIONPAY_QR, 1, JAN_1, LocalDate.of(2027, 1, 1), new FeeRule.Scan(Rate.ZERO)),
                card(PaymentMethod.HUABEI, 1, JAN_1, null, new FeeRule.Huabei(Rate.percent("0.6"), FeeRule.Huabei.assumedInstallmentRates())));
        cards.forEach(repository::save);

        for (RateCard card : cards) {
            assertThat(rateCards.inForce(MERCHANT, card.method(), LocalDate.of(2026, 11, 23))).contains(card);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "2025-12-31, 0",
            "2026-01-01, 1",
            "2026-05-31, 1",
            "2026-06-01, 2",
            "2026-06-30, 3",
            "2026-07-01, 2",
            "2099-01-01, 2"})
    void theHighestVersionInForceOnTheDayPricesIt(LocalDate day, int expectedVersion) {
        repository.save(card(PaymentMethod.ALIPAY, 1, JAN_1, LocalDate.of(2026, 6, 1), new FeeRule.Scan(Rate.percent("0.38"))));
        repository.save(card(PaymentMethod.ALIPAY, 2, LocalDate.of(2026, 6, 1), null, new FeeRule.Scan(Rate.percent("0.3"))));
        repository.save(card(PaymentMethod.ALIPAY, 3, LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1), new FeeRule.Scan(Rate.ZERO)));

        assertThat(rateCards.inForce(MERCHANT, PaymentMethod.ALIPAY, day).map(RateCard::version).orElse(0)).isEqualTo(expectedVersion);
    }

    @Test
    void aCardPricesOnlyItsOwnMerchantAndMethod() {
        new MerchantRepository(database, clock, ZoneId.of("Asia/Shanghai")).save(Fixtures.merchant("M2"));
        repository.save(card(PaymentMethod.ALIPAY, 1, JAN_1, null, new FeeRule.Scan(Rate.percent("0.38"))));

        assertThat(rateCards.inForce(new MerchantId("M2"), PaymentMethod.ALIPAY, JAN_1)).isEmpty();
        assertThat(rateCards.inForce(MERCHANT, PaymentMethod.WECHAT_PAY, JAN_1)).isEmpty();
    }

    @Test
    void aSavedVersionIsNeverOverwritten() {
        repository.save(card(PaymentMethod.ALIPAY, 1, JAN_1, null, new FeeRule.Scan(Rate.percent("0.38"))));

        assertThatThrownBy(() -> repository.save(card(PaymentMethod.ALIPAY, 1, JAN_1, null, new FeeRule.Scan(Rate.percent("0.1")))))
                .isInstanceOf(IntegrityConstraintViolationException.class);
        assertThat(rateCards.inForce(MERCHANT, PaymentMethod.ALIPAY, JAN_1)).hasValueSatisfying(card ->
                assertThat(card.rule()).isEqualTo(new FeeRule.Scan(Rate.percent("0.38"))));
    }

    @Test
    void aHuabeiCardWithoutAnInstallmentCountLeavesItUnpriced() {
        repository.save(card(PaymentMethod.HUABEI, 1, JAN_1, null, new FeeRule.Huabei(Rate.percent("0.6"), Map.of(3, Rate.percent("2.3")))));

        assertThat(rateCards.price(MERCHANT, PaymentMethod.HUABEI, JAN_1, Money.parse("100.00"),
                io.shoudan.fee.Installments.of(6, io.shoudan.fee.InstallmentFeeBearer.BUYER)))
                .isInstanceOf(io.shoudan.fee.Pricing.Unpriced.class);
        assertThat(rateCards.price(MERCHANT, PaymentMethod.HUABEI, JAN_1, Money.parse("100.00"),
                io.shoudan.fee.Installments.of(3, io.shoudan.fee.InstallmentFeeBearer.MERCHANT)))
                .isInstanceOfSatisfying(io.shoudan.fee.Pricing.Priced.class, priced ->
                        assertThat(priced.quote().charged().installment()).isEqualTo(Money.parse("2.30")));
    }
}
