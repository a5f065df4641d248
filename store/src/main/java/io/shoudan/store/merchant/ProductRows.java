package io.shoudan.store.merchant;

import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.ProductState;
import io.shoudan.merchant.ProductStatus;
import io.shoudan.merchant.Rejection;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.schema.tables.records.MerchantProductsRecord;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.shoudan.store.database.schema.Tables.MERCHANT_PRODUCTS;
import static io.shoudan.store.database.schema.Tables.MERCHANT_PRODUCT_REJECTIONS;

/**
 * A merchant's products as rows: one {@code merchant_products} row per product with its onboarding
 * state, and the reviewer's rejections of a rejected one in {@code merchant_product_rejections}.
 */
final class ProductRows {

    private ProductRows() {
    }

    /** Writes one product's state in place of what was stored. */
    static void replace(DSLContext dsl, MerchantId merchantId, Product product, ProductState state, OffsetDateTime now) {
        delete(dsl, merchantId, product);
        dsl.insertInto(MERCHANT_PRODUCTS)
                .set(MERCHANT_PRODUCTS.MERCHANT_ID, merchantId.value())
                .set(MERCHANT_PRODUCTS.PRODUCT, product.name())
                .set(MERCHANT_PRODUCTS.STATUS, state.status().name())
                .set(MERCHANT_PRODUCTS.SINCE_AT, StoreTime.toDatabase(state.since()))
                .set(MERCHANT_PRODUCTS.CONSENT, state.consent())
                .set(MERCHANT_PRODUCTS.CHANNEL_STATUS, state.channelStatus() == null ? null : state.channelStatus().name())
                .set(MERCHANT_PRODUCTS.CHANNEL_CHECKED_AT, StoreTime.toDatabase(state.channelCheckedAt()))
                .set(MERCHANT_PRODUCTS.UPDATED_AT, now)
                .execute();
        int itemNo = 0;
        for (Rejection rejection : state.rejections()) {
            dsl.insertInto(MERCHANT_PRODUCT_REJECTIONS)
                    .set(MERCHANT_PRODUCT_REJECTIONS.MERCHANT_ID, merchantId.value())
                    .set(MERCHANT_PRODUCT_REJECTIONS.PRODUCT, product.name())
                    .set(MERCHANT_PRODUCT_REJECTIONS.ITEM_NO, ++itemNo)
                    .set(MERCHANT_PRODUCT_REJECTIONS.FIELD, rejection.field())
                    .set(MERCHANT_PRODUCT_REJECTIONS.REASON, rejection.reason())
                    .execute();
        }
    }

    static void deleteAll(DSLContext dsl, MerchantId merchantId) {
        dsl.deleteFrom(MERCHANT_PRODUCT_REJECTIONS).where(MERCHANT_PRODUCT_REJECTIONS.MERCHANT_ID.eq(merchantId.value())).execute();
        dsl.deleteFrom(MERCHANT_PRODUCTS).where(MERCHANT_PRODUCTS.MERCHANT_ID.eq(merchantId.value())).execute();
    }

    static void delete(DSLContext dsl, MerchantId merchantId, Product product) {
        dsl.deleteFrom(MERCHANT_PRODUCT_REJECTIONS).where(MERCHANT_PRODUCT_REJECTIONS.MERCHANT_ID.eq(merchantId.value()),
                MERCHANT_PRODUCT_REJECTIONS.PRODUCT.eq(product.name())).execute();
        dsl.deleteFrom(MERCHANT_PRODUCTS).where(MERCHANT_PRODUCTS.MERCHANT_ID.eq(merchantId.value()),
                MERCHANT_PRODUCTS.PRODUCT.eq(product.name())).execute();
    }

    /** Every product of the merchant with its whole state, rejections included. */
    static Map<Product, ProductState> read(DSLContext dsl, MerchantId merchantId) {
        Map<Product, List<Rejection>> rejections = new HashMap<>();
        dsl.selectFrom(MERCHANT_PRODUCT_REJECTIONS)
                .where(MERCHANT_PRODUCT_REJECTIONS.MERCHANT_ID.eq(merchantId.value()))
                .orderBy(MERCHANT_PRODUCT_REJECTIONS.PRODUCT, MERCHANT_PRODUCT_REJECTIONS.ITEM_NO)
                .forEach(r -> rejections.computeIfAbsent(Product.valueOf(r.getProduct()), p -> new ArrayList<>())
                        .add(new Rejection(r.getField(), r.getReason())));
        Map<Product, ProductState> products = new EnumMap<>(Product.class);
        for (MerchantProductsRecord row : dsl.selectFrom(MERCHANT_PRODUCTS)
                .where(MERCHANT_PRODUCTS.MERCHANT_ID.eq(merchantId.value())).fetch()) {
            Product product = Product.valueOf(row.getProduct());
            products.put(product, state(row, rejections.getOrDefault(product, List.of())));
        }
        return products;
    }

    private static ProductState state(MerchantProductsRecord row, List<Rejection> rejections) {
        return new ProductState(ProductStatus.valueOf(row.getStatus()), StoreTime.fromDatabase(row.getSinceAt()), rejections,
                row.getConsent(), row.getChannelStatus() == null ? null : ProductStatus.valueOf(row.getChannelStatus()),
                StoreTime.fromDatabase(row.getChannelCheckedAt()));
    }
}
