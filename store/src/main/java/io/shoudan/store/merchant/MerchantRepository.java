package io.shoudan.store.merchant;

import io.shoudan.merchant.CreditRating;
import io.shoudan.merchant.Mcc;
import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.MerchantStatus;
import io.shoudan.merchant.MerchantType;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.ProductState;
import io.shoudan.merchant.ProductStatus;
import io.shoudan.merchant.RegionCode;
import io.shoudan.merchant.Usage;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.schema.tables.records.MerchantsRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.shoudan.store.database.schema.Tables.MERCHANTS;
import static io.shoudan.store.database.schema.Tables.MERCHANT_DISABLED_METHODS;
import static io.shoudan.store.database.schema.Tables.MERCHANT_USAGE_DAILY;

/**
 * Merchants with their products (and each product's onboarding state) and switched-off methods. A merchant's usage (what it already took
 * per method today and this month) is never stored: it is summed from the payments table whenever
 * a merchant is loaded, so it cannot drift from the payments themselves.
 */
public final class MerchantRepository {

    private final Database database;
    private final Clock clock;
    private final ZoneId businessZone;

    /**
     * @param businessZone where "today" and "this month" begin and end (China: {@code Asia/Shanghai})
     */
    public MerchantRepository(Database database, Clock clock, ZoneId businessZone) {
        this.database = database;
        this.clock = clock;
        this.businessZone = businessZone;
    }

    /**
     * Creates the merchant or replaces everything stored about it (products and disabled methods
     * included) in one transaction. The merchant's {@code usage} is ignored: it is derived.
     */
    public void save(Merchant merchant) {
        OffsetDateTime now = StoreTime.now(clock);
        String id = merchant.id().value();
        database.inTransactionDo(dsl -> {
            int updated = dsl.update(MERCHANTS)
                    .set(MERCHANTS.MERCHANT_TYPE, merchant.type().name())
                    .set(MERCHANTS.STATUS, merchant.status().name())
                    .set(MERCHANTS.MCC, merchant.mcc().code())
                    .set(MERCHANTS.REGION_CODE, merchant.region().value())
                    .set(MERCHANTS.CREDIT_RATING, merchant.creditRating().name())
                    .set(MERCHANTS.UPDATED_AT, now)
                    .set(MERCHANTS.ROW_VERSION, MERCHANTS.ROW_VERSION.plus(1))
                    .where(MERCHANTS.MERCHANT_ID.eq(id))
                    .execute();
            if (updated == 0) {
                dsl.insertInto(MERCHANTS)
                        .set(MERCHANTS.MERCHANT_ID, id)
                        .set(MERCHANTS.MERCHANT_TYPE, merchant.type().name())
                        .set(MERCHANTS.STATUS, merchant.status().name())
                        .set(MERCHANTS.MCC, merchant.mcc().code())
                        .set(MERCHANTS.REGION_CODE, merchant.region().value())
                        .set(MERCHANTS.CREDIT_RATING, merchant.creditRating().name())
                        .set(MERCHANTS.CREATED_AT, now)
                        .set(MERCHANTS.UPDATED_AT, now)
                        .set(MERCHANTS.ROW_VERSION, 1)
                        .execute();
            }
            ProductRows.deleteAll(dsl, merchant.id());
            for (Map.Entry<Product, ProductState> product : merchant.products().entrySet()) {
                ProductRows.replace(dsl, merchant.id(), product.getKey(), product.getValue(), now);
            }
            dsl.deleteFrom(MERCHANT_DISABLED_METHODS).where(MERCHANT_DISABLED_METHODS.MERCHANT_ID.eq(id)).execute();
            for (PaymentMethod method : merchant.disabledMethods()) {
                dsl.insertInto(MERCHANT_DISABLED_METHODS)
                        .set(MERCHANT_DISABLED_METHODS.MERCHANT_ID, id)
                        .set(MERCHANT_DISABLED_METHODS.PAYMENT_METHOD, method.name())
                        .execute();
            }
        });
    }

    /** Changes one product's status (signing, review, suspension) alone, dropping any onboarding details. */
    public void setProductStatus(MerchantId merchantId, Product product, ProductStatus status) {
        setProductState(merchantId, product, ProductState.of(status));
    }

    /**
     * Replaces one product's onboarding state (status, since, rejections, consent, what the channel
     * reported) without touching the rest; a plain NOT_SIGNED removes the product.
     */
    public void setProductState(MerchantId merchantId, Product product, ProductState state) {
        OffsetDateTime now = StoreTime.now(clock);
        database.inTransactionDo(dsl -> {
            requireExists(dsl, merchantId);
            if (state.equals(ProductState.NOT_SIGNED)) {
                ProductRows.delete(dsl, merchantId, product);
            } else {
                ProductRows.replace(dsl, merchantId, product, state, now);
            }
        });
    }

    /** The merchant switches one of its methods off ({@code enabled = false}) or back on. */
    public void setMethodEnabled(MerchantId merchantId, PaymentMethod method, boolean enabled) {
        database.inTransactionDo(dsl -> {
            requireExists(dsl, merchantId);
            dsl.deleteFrom(MERCHANT_DISABLED_METHODS)
                    .where(MERCHANT_DISABLED_METHODS.MERCHANT_ID.eq(merchantId.value()),
                            MERCHANT_DISABLED_METHODS.PAYMENT_METHOD.eq(method.name()))
                    .execute();
            if (!enabled) {
                dsl.insertInto(MERCHANT_DISABLED_METHODS)
                        .set(MERCHANT_DISABLED_METHODS.MERCHANT_ID, merchantId.value())
                        .set(MERCHANT_DISABLED_METHODS.PAYMENT_METHOD, method.name())
                        .execute();
            }
        });
    }

    private static void requireExists(DSLContext dsl, MerchantId merchantId) {
        if (!dsl.fetchExists(MERCHANTS, MERCHANTS.MERCHANT_ID.eq(merchantId.value()))) {
            throw new IllegalArgumentException("no merchant " + merchantId + " / 商户不存在: " + merchantId);
        }
    }

    public boolean exists(MerchantId merchantId) {
        return database.dsl().fetchExists(MERCHANTS, MERCHANTS.MERCHANT_ID.eq(merchantId.value()));
    }

    /**
     * The merchant as the eligibility engine needs it at {@code at}: with its usage per method in the
     * business day and month that contain {@code at} (from {@code merchant_usage_daily}).
     */
    public Optional<Merchant> find(MerchantId merchantId, OffsetDateTime at) {
        // No transaction: under READ COMMITTED it would not make these reads one snapshot, only add a
        // commit round trip. A sale reads its merchant through SnapshotQuery, in one statement.
        DSLContext dsl = database.dsl();
        MerchantsRecord row = null;
        Set<PaymentMethod> disabled = EnumSet.noneOf(PaymentMethod.class);
        for (Record record : dsl.select(MERCHANTS.fields())
                .select(MERCHANT_DISABLED_METHODS.PAYMENT_METHOD)
                .from(MERCHANTS)
                .leftJoin(MERCHANT_DISABLED_METHODS).on(MERCHANT_DISABLED_METHODS.MERCHANT_ID.eq(MERCHANTS.MERCHANT_ID))
                .where(MERCHANTS.MERCHANT_ID.eq(merchantId.value()))
                .fetch()) {
            row = row == null ? record.into(MERCHANTS) : row;
            String method = record.get(MERCHANT_DISABLED_METHODS.PAYMENT_METHOD);
            if (method != null) {
                disabled.add(PaymentMethod.valueOf(method));
            }
        }
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(toMerchant(row, ProductRows.read(dsl, merchantId), disabled, usage(dsl, merchantId, at)));
    }

    /** The merchant's products with their whole onboarding state, rejections included. */
    public static Map<Product, ProductState> productStates(Database database, MerchantId merchantId) {
        return ProductRows.read(database.dsl(), merchantId);
    }

    /** The merchant a stored row describes, with its products, switched-off methods and usage. */
    public static Merchant toMerchant(MerchantsRecord row, Map<Product, ProductState> products, Set<PaymentMethod> disabled,
                                      Map<PaymentMethod, Usage> usage) {
        return new Merchant(
                new MerchantId(row.getMerchantId()),
                MerchantType.valueOf(row.getMerchantType()),
                MerchantStatus.valueOf(row.getStatus()),
                new Mcc(row.getMcc()),
                new RegionCode(row.getRegionCode()),
                CreditRating.valueOf(row.getCreditRating()),
                products,
                disabled,
                usage);
    }

    /**
     * What the merchant took per method in the business day and the calendar month containing
     * {@code at} (both up to the end of that day); methods without payments are absent.
     */
    public Map<PaymentMethod, Usage> usage(MerchantId merchantId, OffsetDateTime at) {
        return usage(database.dsl(), merchantId, at);
    }

    private Map<PaymentMethod, Usage> usage(DSLContext dsl, MerchantId merchantId, OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(businessZone).toLocalDate();
        Field<BigDecimal> today = DSL.sum(DSL.when(MERCHANT_USAGE_DAILY.BUSINESS_DAY.eq(day), MERCHANT_USAGE_DAILY.AMOUNT_FEN).else_(0L));
        Field<BigDecimal> month = DSL.sum(MERCHANT_USAGE_DAILY.AMOUNT_FEN);
        Map<PaymentMethod, Usage> usage = new EnumMap<>(PaymentMethod.class);
        for (Record3<String, BigDecimal, BigDecimal> row : dsl
                .select(MERCHANT_USAGE_DAILY.PAYMENT_METHOD, today, month)
                .from(MERCHANT_USAGE_DAILY)
                .where(MERCHANT_USAGE_DAILY.MERCHANT_ID.eq(merchantId.value()),
                        MERCHANT_USAGE_DAILY.BUSINESS_DAY.between(day.withDayOfMonth(1), day))
                .groupBy(MERCHANT_USAGE_DAILY.PAYMENT_METHOD)) {
            putUsage(usage, PaymentMethod.valueOf(row.value1()), fen(row.value2()), fen(row.value3()));
        }
        return usage;
    }

    /**
     * Records one method's totals; a method whose payments all left the counted states (a month of
     * zero rows) is left out, as a method without payments is.
     */
    public static void putUsage(Map<PaymentMethod, Usage> usage, PaymentMethod method, long todayFen, long monthFen) {
        if (monthFen != 0) {
            usage.put(method, new Usage(Money.ofFen(todayFen), Money.ofFen(monthFen)));
        }
    }

    private static long fen(BigDecimal sum) {
        return sum == null ? 0 : sum.longValueExact();
    }

    /** Every merchant's id, in id order. */
    public List<MerchantId> ids() {
        return database.dsl().select(MERCHANTS.MERCHANT_ID).from(MERCHANTS).orderBy(MERCHANTS.MERCHANT_ID)
                .fetch(r -> new MerchantId(r.value1()));
    }

    public int count() {
        return database.dsl().fetchCount(MERCHANTS);
    }
}
