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
import io.shoudan.store.database.RowColumns;
import io.shoudan.store.database.schema.tables.records.FeeRateCardsRecord;

import org.jooq.Field;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.shoudan.store.database.schema.Tables.FEE_RATE_CARDS;

/**
 * The payment service's {@link RateCards} from the store: the highest version in force on the day
 * with its installment rates, one statement on the primary keys (a sale's hot path: SQL text written
 * once, bound by position). The rule's kind follows from the method, as
 * {@link FeeRule#fits} defines it; {@link RateCardRepository} writes what this reads.
 */
public final class JooqRateCards implements RateCards {

    private final Database database;

    public JooqRateCards(Database database) {
        this.database = database;
    }

    private static final List<Field<?>> CARD_COLUMNS = List.of(FEE_RATE_CARDS.fields());

    /** The card in force (highest version) joined with its installment rates, if any: one round trip. */
    static final String IN_FORCE = "SELECT " + RowColumns.select("r", CARD_COLUMNS) + ", i.installments, i.rate_ppm AS installment_ppm"
            + " FROM (SELECT * FROM fee_rate_cards WHERE merchant_id = ? AND payment_method = ? AND effective_from <= ?"
            + " AND (effective_to IS NULL OR effective_to > ?) ORDER BY rate_card_version DESC LIMIT 1) r"
            + " LEFT JOIN fee_installment_rates i ON i.merchant_id = r.merchant_id AND i.payment_method = r.payment_method"
            + " AND i.rate_card_version = r.rate_card_version";

    @Override
    public Optional<RateCard> inForce(MerchantId merchant, PaymentMethod method, LocalDate day) {
        return database.dsl().connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(IN_FORCE)) {
                statement.setString(1, merchant.value());
                statement.setString(2, method.name());
                statement.setObject(3, day);
                statement.setObject(4, day);
                FeeRateCardsRecord card = null;
                Map<Integer, Rate> installmentRates = new TreeMap<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        card = card == null ? RowColumns.read(row, "r", new FeeRateCardsRecord(), CARD_COLUMNS) : card;
                        int installments = row.getInt("installments");
                        if (!row.wasNull()) {
                            installmentRates.put(installments, new Rate(row.getInt("installment_ppm")));
                        }
                    }
                }
                return card == null ? Optional.<RateCard>empty() : Optional.of(card(card, installmentRates));
            }
        });
    }

    private static RateCard card(FeeRateCardsRecord row, Map<Integer, Rate> installmentRates) {
        PaymentMethod method = PaymentMethod.valueOf(row.getPaymentMethod());
        Rate rate = new Rate(row.getRatePpm());
        FeeRule rule = switch (method) {
            case UNIONPAY_DEBIT -> new FeeRule.Debit(rate, Money.ofFen(required(row.getFeeCapFen(), row, "fee_cap_fen")));
            case UNIONPAY_CREDIT -> new FeeRule.Credit(rate);
            case ALIPAY, WECHAT_PAY, UNIONPAY_QR -> new FeeRule.Scan(rate);
            case HUABEI -> new FeeRule.Huabei(rate, installmentRates);
        };
        return new RateCard(new RateCardId(required(row.getRateCardId(), row, "rate_card_id")), row.getRateCardVersion(),
                new MerchantId(row.getMerchantId()), method, row.getEffectiveFrom(), row.getEffectiveTo(), rule);
    }

    private static <T> T required(T value, FeeRateCardsRecord row, String column) {
        if (value == null) {
            throw new IllegalStateException("rate card " + row.getMerchantId() + "/" + row.getPaymentMethod() + " v"
                    + row.getRateCardVersion() + " has no " + column);
        }
        return value;
    }
}
