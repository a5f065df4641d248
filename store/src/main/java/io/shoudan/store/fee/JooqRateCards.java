package io.shoudan.store.fee;

import io.shoudan.fee.FeeRule;
import io.shoudan.fee.Rate;
import io.shoudan.fee.RateCard;
import io.shoudan.fee.RateCardId;
import io.shoudan.fee.RateCards;
import io.shoudan.merchant.MerchantId;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.schema.tables.records.FeeRateCardsRecord;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.shoudan.store.database.schema.Tables.FEE_INSTALLMENT_RATES;
import static io.shoudan.store.database.schema.Tables.FEE_RATE_CARDS;

/**
 * The payment service's {@link RateCards} from the store: the highest version in force on the day,
 * one indexed query on the primary key {@code (merchant_id, payment_method, rate_card_version)}
 * (plus one for a Huabei card's installment rates). The rule's kind follows from the method, as
 * {@link FeeRule#fits} defines it; {@link RateCardRepository} writes what this reads.
 */
public final class JooqRateCards implements RateCards {

    private final Database database;

    public JooqRateCards(Database database) {
        this.database = database;
    }

    @Override
    public Optional<RateCard> inForce(MerchantId merchant, PaymentMethod method, LocalDate day) {
        return database.dsl().selectFrom(FEE_RATE_CARDS)
                .where(FEE_RATE_CARDS.MERCHANT_ID.eq(merchant.value()),
                        FEE_RATE_CARDS.PAYMENT_METHOD.eq(method.name()),
                        FEE_RATE_CARDS.EFFECTIVE_FROM.le(day),
                        FEE_RATE_CARDS.EFFECTIVE_TO.isNull().or(FEE_RATE_CARDS.EFFECTIVE_TO.gt(day)))
                .orderBy(FEE_RATE_CARDS.RATE_CARD_VERSION.desc())
                .limit(1)
                .fetchOptional()
                .map(this::card);
    }

    private RateCard card(FeeRateCardsRecord row) {
        PaymentMethod method = PaymentMethod.valueOf(row.getPaymentMethod());
        Rate rate = new Rate(row.getRatePpm());
        FeeRule rule = switch (method) {
            case UNIONPAY_DEBIT -> new FeeRule.Debit(rate, Money.ofFen(required(row.getFeeCapFen(), row, "fee_cap_fen")));
            case UNIONPAY_CREDIT -> new FeeRule.Credit(rate);
            case ALIPAY, WECHAT_PAY, UNIONPAY_QR -> new FeeRule.Scan(rate);
            case HUABEI -> new FeeRule.Huabei(rate, installmentRates(row));
        };
        return new RateCard(new RateCardId(required(row.getRateCardId(), row, "rate_card_id")), row.getRateCardVersion(),
                new MerchantId(row.getMerchantId()), method, row.getEffectiveFrom(), row.getEffectiveTo(), rule);
    }

    private Map<Integer, Rate> installmentRates(FeeRateCardsRecord card) {
        Map<Integer, Rate> rates = new TreeMap<>();
        database.dsl().select(FEE_INSTALLMENT_RATES.INSTALLMENTS, FEE_INSTALLMENT_RATES.RATE_PPM)
                .from(FEE_INSTALLMENT_RATES)
                .where(FEE_INSTALLMENT_RATES.MERCHANT_ID.eq(card.getMerchantId()),
                        FEE_INSTALLMENT_RATES.PAYMENT_METHOD.eq(card.getPaymentMethod()),
                        FEE_INSTALLMENT_RATES.RATE_CARD_VERSION.eq(card.getRateCardVersion()))
                .forEach(row -> rates.put(row.value1(), new Rate(row.value2())));
        return rates;
    }

    private static <T> T required(T value, FeeRateCardsRecord row, String column) {
        if (value == null) {
            throw new IllegalStateException("rate card " + row.getMerchantId() + "/" + row.getPaymentMethod() + " v"
                    + row.getRateCardVersion() + " has no " + column);
        }
        return value;
    }
}
