package io.shoudan.merchant;

import io.shoudan.method.PaymentMethod;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A merchant as the eligibility rules see it.
 *
 * @param creditRating    the acquirer's rating; an unrated merchant is {@link CreditRating#D}
 * @param products        each product's onboarding state; a product absent from the map is
 *                        {@link ProductStatus#NOT_SIGNED}
 * @param disabledMethods methods the merchant switched off itself
 * @param usage           what was already taken per method today and this month; absent means nothing
 */
public record Merchant(
        MerchantId id,
        MerchantType type,
        MerchantStatus status,
        Mcc mcc,
        RegionCode region,
        CreditRating creditRating,
        Map<Product, ProductState> products,
        Set<PaymentMethod> disabledMethods,
        Map<PaymentMethod, Usage> usage) {

    public Merchant {
        requireAll(id, type, status, mcc, region);
        creditRating = creditRating == null ? CreditRating.D : creditRating;
        products = Collections.unmodifiableMap(products == null || products.isEmpty()
                ? new EnumMap<>(Product.class) : new EnumMap<>(products));
        disabledMethods = Collections.unmodifiableSet(disabledMethods == null || disabledMethods.isEmpty()
                ? EnumSet.noneOf(PaymentMethod.class) : EnumSet.copyOf(disabledMethods));
        usage = Collections.unmodifiableMap(usage == null || usage.isEmpty()
                ? new EnumMap<>(PaymentMethod.class) : new EnumMap<>(usage));
    }

    private static void requireAll(Object... values) {
        for (Object value : values) {
            if (value == null) {
                throw new IllegalArgumentException("merchant id, type, status, mcc and region are required");
            }
        }
    }

    /** This merchant with {@code newProducts} in place of its products. */
    public Merchant withProducts(Map<Product, ProductState> newProducts) {
        return new Merchant(id, type, status, mcc, region, creditRating, newProducts, disabledMethods, usage);
    }

    public ProductStatus product(Product product) {
        return productState(product).status();
    }

    public ProductState productState(Product product) {
        ProductState state = products.get(product);
        return state == null ? ProductState.NOT_SIGNED : state;
    }

    public Usage usage(PaymentMethod method) {
        Usage used = usage.get(method);
        return used == null ? Usage.NONE : used;
    }
}
