package io.shoudan.store.testing;

import io.shoudan.merchant.CreditRating;
import io.shoudan.merchant.Mcc;
import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.MerchantStatus;
import io.shoudan.merchant.MerchantType;
import io.shoudan.merchant.RegionCode;
import io.shoudan.method.PaymentMethod;
import io.shoudan.store.database.BackfillMerchantUsage;
import io.shoudan.store.database.Database;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

import static io.shoudan.store.database.schema.Tables.MERCHANT_USAGE_DAILY;
import static io.shoudan.store.database.schema.Tables.PAYMENTS;

/** Small builders shared by the repository tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Merchant merchant(String id) {
        return new Merchant(new MerchantId(id), MerchantType.ENTERPRISE, MerchantStatus.ACTIVE, new Mcc(5411),
                new RegionCode("310115"), CreditRating.B, Map.of(), Set.of(), Map.of());
    }

    /**
     * A payment row written straight into the table: the payment repository belongs to the payment
     * service (not built yet); these tests only need rows to sum.
     */
    public static void insertPayment(Database database, String merchantId, String paymentId, PaymentMethod method,
                                     String state, long amountFen, OffsetDateTime createdAt) {
        database.dsl().insertInto(PAYMENTS)
                .set(PAYMENTS.MERCHANT_ID, merchantId)
                .set(PAYMENTS.PAYMENT_ID, paymentId)
                .set(PAYMENTS.REQUEST_ID, "req-" + paymentId)
                .set(PAYMENTS.PAYMENT_METHOD, method.name())
                .set(PAYMENTS.CHANNEL, method.channel().name())
                .set(PAYMENTS.STATE, state)
                .set(PAYMENTS.AMOUNT_FEN, amountFen)
                .set(PAYMENTS.INSTALLMENTS, 0)
                .set(PAYMENTS.REFUNDED_FEN, 0L)
                .set(PAYMENTS.CREATED_AT, createdAt)
                .set(PAYMENTS.UPDATED_AT, createdAt)
                .set(PAYMENTS.ROW_VERSION, 1)
                .execute();
        refillUsage(database);
    }

    /**
     * Rows written straight into {@code payments} bypass the payment store, which keeps
     * {@code merchant_usage_daily}; this recomputes it from every payment with migration V5's code.
     */
    public static void refillUsage(Database database) {
        database.inTransactionDo(dsl -> {
            dsl.deleteFrom(MERCHANT_USAGE_DAILY).execute();
            dsl.connection(BackfillMerchantUsage::fill);
        });
    }
}
