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
import io.shoudan.merchant.Rejection;
import io.shoudan.merchant.RegionCode;
import io.shoudan.merchant.Usage;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.store.testing.Fixtures;
import io.shoudan.store.testing.StoreContract;
import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

abstract class MerchantRepositoryContract extends StoreContract {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-11-23 10:00 in Shanghai: the business day began at 2026-11-22T16:00Z, the month at 2026-10-31T16:00Z. */
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T02:00:00Z");

    private MerchantRepository merchants;

    MerchantRepositoryContract(TestDatabase kind) {
        super(kind);
    }

    @Override
    protected void createRepositories() {
        merchants = new MerchantRepository(database, clock, SHANGHAI);
    }

    @ParameterizedTest(name = "{0} {1} {2} MCC {3} region {4}")
    @CsvSource({
            "INDIVIDUAL,          PENDING_REVIEW, A, 0,    110101",
            "INDIVIDUAL_BUSINESS, REJECTED,       B, 5411, 310115",
            "ENTERPRISE,          ACTIVE,         C, 9999, 650102",
            "ENTERPRISE,          SUSPENDED,      D, 5944, 440305",
            "INDIVIDUAL,          CLOSED,         A, 7995, 310115",
    })
    void everyMerchantTypeStatusAndRatingReadsBackAsSaved(MerchantType type, MerchantStatus status, CreditRating rating,
                                                          int mcc, String region) {
        Merchant saved = new Merchant(new MerchantId("M-" + type.ordinal() + status.ordinal()), type, status, new Mcc(mcc),
                new RegionCode(region), rating, Map.of(), Set.of(), Map.of());
        merchants.save(saved);

        assertThat(merchants.find(saved.id(), AT)).contains(saved);
    }

    @Test
    void everyProductInEveryStatusReadsBackAsSaved() {
        Map<Product, ProductStatus> products = new EnumMap<>(Product.class);
        ProductStatus[] statuses = ProductStatus.values();
        for (Product product : Product.values()) {
            products.put(product, statuses[product.ordinal() % statuses.length]);
        }
        assertThat(Product.values().length).isGreaterThanOrEqualTo(statuses.length);
        Merchant saved = withProducts(Fixtures.merchant("M100001"), products);
        merchants.save(saved);

        Merchant read = merchants.find(saved.id(), AT).orElseThrow();

        assertThat(read.products()).isEqualTo(ProductState.of(products));
        assertThat(read.products().values()).extracting(ProductState::status).containsAll(EnumSet.allOf(ProductStatus.class));
    }

    @Test
    void aMerchantWithEveryMethodSwitchedOffReadsBackAsSaved() {
        Merchant saved = withDisabled(Fixtures.merchant("M100002"), EnumSet.allOf(PaymentMethod.class));
        merchants.save(saved);

        assertThat(merchants.find(saved.id(), AT).orElseThrow().disabledMethods()).isEqualTo(EnumSet.allOf(PaymentMethod.class));
    }

    @Test
    void anUnratedMerchantWithoutProductsOrDisabledMethodsReadsBackRatedD() {
        Merchant saved = new Merchant(new MerchantId("M_bare"), MerchantType.INDIVIDUAL, MerchantStatus.ACTIVE, new Mcc(5812),
                new RegionCode("330106"), null, null, null, null);
        merchants.save(saved);

        Merchant read = merchants.find(saved.id(), AT).orElseThrow();

        assertThat(read).isEqualTo(saved);
        assertThat(read.creditRating()).isEqualTo(CreditRating.D);
        assertThat(read.products()).isEmpty();
        assertThat(read.disabledMethods()).isEmpty();
        assertThat(read.usage()).isEmpty();
    }

    @Test
    void savingAgainReplacesEverythingStoredAboutTheMerchant() {
        Merchant first = withDisabled(withProducts(Fixtures.merchant("M100003"),
                Map.of(Product.ALIPAY, ProductStatus.ACTIVE, Product.HUABEI, ProductStatus.PENDING)), Set.of(PaymentMethod.WECHAT_PAY));
        merchants.save(first);
        Merchant second = new Merchant(first.id(), MerchantType.INDIVIDUAL_BUSINESS, MerchantStatus.SUSPENDED, new Mcc(5944),
                new RegionCode("440305"), CreditRating.C, ProductState.of(Map.of(Product.UNIONPAY_CARD, ProductStatus.REJECTED)),
                Set.of(PaymentMethod.HUABEI, PaymentMethod.UNIONPAY_QR), Map.of());
        merchants.save(second);

        assertThat(merchants.find(first.id(), AT)).contains(second);
        assertThat(merchants.count()).isEqualTo(1);
    }

    @Test
    void aProductStatusChangesAloneAndNotSignedRemovesIt() {
        Merchant saved = withProducts(Fixtures.merchant("M100004"),
                Map.of(Product.ALIPAY, ProductStatus.ACTIVE, Product.HUABEI, ProductStatus.PENDING));
        merchants.save(saved);

        merchants.setProductStatus(saved.id(), Product.HUABEI, ProductStatus.ACTIVE);
        merchants.setProductStatus(saved.id(), Product.WECHAT_PAY, ProductStatus.SUSPENDED);
        merchants.setProductStatus(saved.id(), Product.ALIPAY, ProductStatus.NOT_SIGNED);

        assertThat(merchants.find(saved.id(), AT).orElseThrow().products()).isEqualTo(
                ProductState.of(Map.of(Product.HUABEI, ProductStatus.ACTIVE, Product.WECHAT_PAY, ProductStatus.SUSPENDED)));
    }

    @Test
    void aProductsOnboardingStateReadsBackWholeAndAlone() {
        OffsetDateTime since = OffsetDateTime.parse("2026-11-21T08:12:00Z");
        ProductState rejected = new ProductState(ProductStatus.REJECTED, since, List.of(
                new Rejection("shop_photo", "门头照片不清晰 / storefront photo unclear"),
                new Rejection("settle_account", "结算账户户名与营业执照名称不一致")), true, null, null);
        ProductState awaitingConsent = new ProductState(ProductStatus.ACTIVE, since, List.of(), false, null, null);
        ProductState drifted = new ProductState(ProductStatus.ACTIVE, null, List.of(), true, ProductStatus.SUSPENDED,
                OffsetDateTime.parse("2026-11-23T01:00:00Z"));
        Merchant saved = withStates(Fixtures.merchant("M100005"), Map.of(Product.HUABEI_INSTALLMENT, rejected,
                Product.WECHAT_PAY, awaitingConsent, Product.HUABEI, drifted));
        merchants.save(saved);

        Merchant read = merchants.find(saved.id(), AT).orElseThrow();
        assertThat(read.productState(Product.HUABEI_INSTALLMENT)).isEqualTo(rejected);
        assertThat(read.productState(Product.WECHAT_PAY)).isEqualTo(awaitingConsent);
        assertThat(read.productState(Product.HUABEI)).isEqualTo(drifted);

        merchants.setProductState(saved.id(), Product.HUABEI_INSTALLMENT, ProductState.of(ProductStatus.PENDING));
        assertThat(merchants.find(saved.id(), AT).orElseThrow().productState(Product.HUABEI_INSTALLMENT))
                .as("resubmitted: the old rejections are gone").isEqualTo(ProductState.of(ProductStatus.PENDING));
        assertThat(merchants.find(saved.id(), AT).orElseThrow().productState(Product.WECHAT_PAY)).isEqualTo(awaitingConsent);
    }

    @Test
    void aMerchantSwitchesAMethodOffAndOnAgain() {
        Merchant saved = Fixtures.merchant("M100005");
        merchants.save(saved);

        merchants.setMethodEnabled(saved.id(), PaymentMethod.HUABEI, false);
        merchants.setMethodEnabled(saved.id(), PaymentMethod.HUABEI, false);
        merchants.setMethodEnabled(saved.id(), PaymentMethod.ALIPAY, false);
        assertThat(merchants.find(saved.id(), AT).orElseThrow().disabledMethods())
                .containsExactlyInAnyOrder(PaymentMethod.HUABEI, PaymentMethod.ALIPAY);

        merchants.setMethodEnabled(saved.id(), PaymentMethod.HUABEI, true);
        assertThat(merchants.find(saved.id(), AT).orElseThrow().disabledMethods()).containsExactly(PaymentMethod.ALIPAY);
    }

    @Test
    void anUnknownMerchantIsAbsentAndCannotBeChanged() {
        MerchantId unknown = new MerchantId("M404");

        assertThat(merchants.find(unknown, AT)).isEmpty();
        assertThat(merchants.exists(unknown)).isFalse();
        assertThatThrownBy(() -> merchants.setProductStatus(unknown, Product.ALIPAY, ProductStatus.ACTIVE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("M404");
        assertThatThrownBy(() -> merchants.setMethodEnabled(unknown, PaymentMethod.ALIPAY, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("M404");
    }

    @Test
    void idsAreListedInOrder() {
        merchants.save(Fixtures.merchant("M3"));
        merchants.save(Fixtures.merchant("M1"));
        merchants.save(Fixtures.merchant("M2"));

        assertThat(merchants.ids()).containsExactly(new MerchantId("M1"), new MerchantId("M2"), new MerchantId("M3"));
        assertThat(merchants.count()).isEqualTo(3);
    }

    @ParameterizedTest(name = "a {0} payment counts: {1}")
    @CsvSource({
            "CREATED,            false",
            "PROCESSING,         true",
            "SUCCEEDED,          true",
            "FAILED,             false",
            "DECLINED,           false",
            "UNKNOWN,            true",
            "REVERSED,           false",
            "VOIDED,             false",
            "PARTIALLY_REFUNDED, true",
            "REFUNDED,           true",
    })
    void usageCountsPaymentsThatTookOrMayHaveTakenMoney(String state, boolean counted) {
        Merchant saved = Fixtures.merchant("M200001");
        merchants.save(saved);
        Fixtures.insertPayment(database, "M200001", "P1", PaymentMethod.ALIPAY, state, 12_345, AT.minusHours(1));

        Usage usage = merchants.find(saved.id(), AT).orElseThrow().usage(PaymentMethod.ALIPAY);

        Money expected = counted ? Money.ofFen(12_345) : Money.ZERO;
        assertThat(usage).isEqualTo(new Usage(expected, expected));
    }

    @Test
    void todayAndThisMonthBeginAtMidnightInShanghaiAndEndWithTheDay() {
        merchants.save(Fixtures.merchant("M200002"));
        payment("P-day-start", 100, "2026-11-22T16:00:00Z");            // 00:00:00 today: today and month
        payment("P-before-day", 200, "2026-11-22T15:59:59.999999Z");    // yesterday: month only
        payment("P-month-start", 400, "2026-10-31T16:00:00Z");          // 1 November 00:00: month only
        payment("P-before-month", 800, "2026-10-31T15:59:59.999999Z");  // 31 October: neither
        payment("P-late-today", 1600, "2026-11-23T15:59:59.999999Z");   // 23:59:59.999999 today: today and month
        payment("P-tomorrow", 3200, "2026-11-23T16:00:00Z");            // tomorrow: neither

        Map<PaymentMethod, Usage> usage = merchants.usage(new MerchantId("M200002"), AT);

        assertThat(usage).containsExactly(Map.entry(PaymentMethod.HUABEI, new Usage(Money.ofFen(1700), Money.ofFen(2300))));
    }

    @Test
    void usageIsPerMethodAndPerMerchant() {
        merchants.save(Fixtures.merchant("M200003"));
        merchants.save(Fixtures.merchant("M200004"));
        Fixtures.insertPayment(database, "M200003", "P1", PaymentMethod.ALIPAY, "SUCCEEDED", 1_000, AT.minusMinutes(5));
        Fixtures.insertPayment(database, "M200003", "P2", PaymentMethod.ALIPAY, "SUCCEEDED", 2_000, AT.minusDays(3));
        Fixtures.insertPayment(database, "M200003", "P3", PaymentMethod.UNIONPAY_CREDIT, "SUCCEEDED", 50_000_000_000L, AT.minusMinutes(1));
        Fixtures.insertPayment(database, "M200004", "P1", PaymentMethod.ALIPAY, "SUCCEEDED", 7_000, AT.minusMinutes(5));

        Merchant read = merchants.find(new MerchantId("M200003"), AT).orElseThrow();

        assertThat(read.usage()).isEqualTo(Map.of(
                PaymentMethod.ALIPAY, new Usage(Money.ofFen(1_000), Money.ofFen(3_000)),
                PaymentMethod.UNIONPAY_CREDIT, new Usage(Money.ofFen(50_000_000_000L), Money.ofFen(50_000_000_000L))));
        assertThat(read.usage(PaymentMethod.WECHAT_PAY)).isEqualTo(Usage.NONE);
    }

    private void payment(String id, long amountFen, String createdAt) {
        Fixtures.insertPayment(database, "M200002", id, PaymentMethod.HUABEI, "SUCCEEDED", amountFen, OffsetDateTime.parse(createdAt));
    }

    private static Merchant withProducts(Merchant m, Map<Product, ProductStatus> products) {
        return withStates(m, ProductState.of(products));
    }

    private static Merchant withStates(Merchant m, Map<Product, ProductState> products) {
        return new Merchant(m.id(), m.type(), m.status(), m.mcc(), m.region(), m.creditRating(), products, m.disabledMethods(), m.usage());
    }

    private static Merchant withDisabled(Merchant m, Set<PaymentMethod> disabled) {
        return new Merchant(m.id(), m.type(), m.status(), m.mcc(), m.region(), m.creditRating(), m.products(), disabled, m.usage());
    }
}
