package io.shoudan.store.fee;

import io.shoudan.fee.FeeRule;
import io.shoudan.fee.RateCard;
import io.shoudan.store.database.ConfigVersions;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;

import java.time.Clock;
import java.util.Map;

import static io.shoudan.store.database.schema.Tables.FEE_INSTALLMENT_RATES;
import static io.shoudan.store.database.schema.Tables.FEE_RATE_CARDS;

/**
 * Writes rate cards to {@code fee_rate_cards} and, for Huabei, {@code fee_installment_rates}. A card
 * version is written once and never edited (a price change is a new version), so every fee quote
 * can name the exact version that priced it; saving a version that exists fails on the primary key.
 * {@link JooqRateCards} reads them for the payment service; every save raises the
 * {@code fee_rate_cards} counter of {@code config_versions} in its own transaction, which is how
 * {@link CachedRateCards} on every node learns that what it holds is old.
 *
 * <p>Columns per rule: every rule's rate in {@code rate_ppm} (Huabei: the merchant rate); the debit
 * cap in {@code fee_cap_fen}; Huabei's installment rates one row per count. {@code fee_min_fen} and
 * {@code hb_fq_seller_percent} are not used by any rule of core's yet (who bears the installment fee
 * is chosen per payment) and stay empty.
 */
public final class RateCardRepository {

    private final Database database;
    private final Clock clock;

    public RateCardRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Saves one version of a card with its installment rates and raises the rate cards' counter, in one transaction. */
    public void save(RateCard card) {
        String merchant = card.merchant().value();
        String method = card.method().name();
        database.inTransactionDo(dsl -> {
            dsl.insertInto(FEE_RATE_CARDS)
                    .set(FEE_RATE_CARDS.MERCHANT_ID, merchant)
                    .set(FEE_RATE_CARDS.PAYMENT_METHOD, method)
                    .set(FEE_RATE_CARDS.RATE_CARD_VERSION, card.version())
                    .set(FEE_RATE_CARDS.RATE_CARD_ID, card.id().value())
                    .set(FEE_RATE_CARDS.EFFECTIVE_FROM, card.effectiveFrom())
                    .set(FEE_RATE_CARDS.EFFECTIVE_TO, card.effectiveTo())
                    .set(FEE_RATE_CARDS.RATE_PPM, Math.toIntExact(rate(card.rule())))
                    .set(FEE_RATE_CARDS.FEE_CAP_FEN, card.rule() instanceof FeeRule.Debit debit ? debit.cap().fen() : null)
                    .set(FEE_RATE_CARDS.CREATED_AT, StoreTime.now(clock))
                    .execute();
            if (card.rule() instanceof FeeRule.Huabei huabei) {
                for (Map.Entry<Integer, io.shoudan.fee.Rate> installment : huabei.installmentRates().entrySet()) {
                    dsl.insertInto(FEE_INSTALLMENT_RATES)
                            .set(FEE_INSTALLMENT_RATES.MERCHANT_ID, merchant)
                            .set(FEE_INSTALLMENT_RATES.PAYMENT_METHOD, method)
                            .set(FEE_INSTALLMENT_RATES.RATE_CARD_VERSION, card.version())
                            .set(FEE_INSTALLMENT_RATES.INSTALLMENTS, installment.getKey())
                            .set(FEE_INSTALLMENT_RATES.RATE_PPM, Math.toIntExact(installment.getValue().ppm()))
                            .execute();
                }
            }
            ConfigVersions.raise(dsl, ConfigVersions.RATE_CARDS);
        });
    }

    private static long rate(FeeRule rule) {
        return switch (rule) {
            case FeeRule.Debit debit -> debit.rate().ppm();
            case FeeRule.Credit credit -> credit.rate().ppm();
            case FeeRule.Scan scan -> scan.rate().ppm();
            case FeeRule.Huabei huabei -> huabei.merchantRate().ppm();
        };
    }
}
