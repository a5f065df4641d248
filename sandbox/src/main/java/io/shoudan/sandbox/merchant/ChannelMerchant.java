package io.shoudan.sandbox.merchant;

import io.shoudan.money.Money;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A merchant's contract with one channel.
 *
 * @param perTradeLimit       the most one trade may be under the signed product
 *                            (Alipay ACQ.PRODUCT_AMOUNT_LIMIT_ERROR)
 * @param dailyReceiptLimit   the most the merchant may receive per Beijing day
 *                            (Alipay ACQ.BEYOND_PAY_RESTRICTION)
 * @param monthlyReceiptLimit the most per calendar month (Alipay ACQ.BEYOND_PER_RECEIPT_RESTRICTION)
 * @param installmentCounts   the Huabei installment counts signed (subset of 3, 6, 12)
 */
public record ChannelMerchant(
        MerchantKey key,
        MerchantStatus status,
        Set<SignedProduct> products,
        Set<Integer> installmentCounts,
        Money perTradeLimit,
        Money dailyReceiptLimit,
        Money monthlyReceiptLimit) {

    private static final Money UNLIMITED = Money.ofFen(Long.MAX_VALUE / 4);

    public ChannelMerchant {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        products = products.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(products));
        installmentCounts = Set.copyOf(installmentCounts);
        for (SignedProduct product : products) {
            if (product.channel() != key.channel()) {
                throw new IllegalArgumentException(product + " is not a " + key.channel() + " product");
            }
        }
        for (int count : installmentCounts) {
            if (count != 3 && count != 6 && count != 12) {
                throw new IllegalArgumentException("Huabei installments are 3, 6 or 12: " + count);
            }
        }
        Objects.requireNonNull(perTradeLimit, "perTradeLimit");
        Objects.requireNonNull(dailyReceiptLimit, "dailyReceiptLimit");
        Objects.requireNonNull(monthlyReceiptLimit, "monthlyReceiptLimit");
    }

    /** A normal merchant that signed {@code products}, with no limits and all installment counts. */
    public static ChannelMerchant signed(MerchantKey key, SignedProduct... products) {
        return new ChannelMerchant(key, MerchantStatus.NORMAL, Set.of(products), Set.of(3, 6, 12),
                UNLIMITED, UNLIMITED, UNLIMITED);
    }

    public boolean hasSigned(SignedProduct product) {
        return products.contains(product);
    }

    public ChannelMerchant withStatus(MerchantStatus next) {
        return new ChannelMerchant(key, next, products, installmentCounts, perTradeLimit, dailyReceiptLimit,
                monthlyReceiptLimit);
    }

    public ChannelMerchant withLimits(Money perTrade, Money daily, Money monthly) {
        return new ChannelMerchant(key, status, products, installmentCounts, perTrade, daily, monthly);
    }

    public ChannelMerchant withInstallmentCounts(Set<Integer> counts) {
        return new ChannelMerchant(key, status, products, counts, perTradeLimit, dailyReceiptLimit,
                monthlyReceiptLimit);
    }
}
