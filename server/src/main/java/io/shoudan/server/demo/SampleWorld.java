package io.shoudan.server.demo;

import io.shoudan.channel.ChannelState;
import io.shoudan.channel.ChannelStatus;
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
import io.shoudan.merchant.Rejection;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.FirmwareVersion;
import io.shoudan.terminal.Terminal;
import io.shoudan.terminal.TerminalModel;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TerminalStatus;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static io.shoudan.merchant.MerchantType.ENTERPRISE;
import static io.shoudan.merchant.MerchantType.INDIVIDUAL;
import static io.shoudan.merchant.MerchantType.INDIVIDUAL_BUSINESS;
import static io.shoudan.terminal.Capability.CHIP;
import static io.shoudan.terminal.Capability.MAGSTRIPE;
import static io.shoudan.terminal.Capability.NFC;
import static io.shoudan.terminal.Capability.PINPAD;
import static io.shoudan.terminal.Capability.PRINTER;
import static io.shoudan.terminal.Capability.SCANNER;

/**
 * A realistic, reproducible acquiring portfolio for the demo: merchants of every type across
 * industries (MCC) and provinces, terminals of four models and several firmware versions, and the
 * troubles real portfolios have (unsigned or suspended products, applications under review or rejected,
 * consent missing, a product the channel reports otherwise, low ratings, old firmware and parameters,
 * methods switched off in the POS settings, a relocated terminal, a locked one, one installing an update,
 * a broken scanner). Pure data: seeding the store
 * and the sandbox is the caller's job.
 */
public final class SampleWorld {

    /** A terminal model and what it can do. */
    public record Model(TerminalModel name, Set<Capability> capabilities) {
    }

    /** A merchant archetype: what a person would call the shop, and how it is registered. */
    public record Shop(String name, MerchantType type, String mcc, String region) {
    }

    public static final List<Model> MODELS = List.of(
            new Model(new TerminalModel("A8"), EnumSet.of(SCANNER, NFC, CHIP, MAGSTRIPE, PRINTER, PINPAD)),
            new Model(new TerminalModel("N910"), EnumSet.of(SCANNER, NFC, CHIP, MAGSTRIPE, PRINTER, PINPAD)),
            new Model(new TerminalModel("P2"), EnumSet.of(NFC, CHIP, MAGSTRIPE, PRINTER, PINPAD)),
            new Model(new TerminalModel("Q5"), EnumSet.of(SCANNER, NFC, PRINTER)));

    private static final List<Shop> SHOPS = List.of(
            new Shop("联华超市 浦东店", ENTERPRISE, "5411", "310115"),
            new Shop("朝阳百货", ENTERPRISE, "5311", "110105"),
            new Shop("南山海鲜酒楼", ENTERPRISE, "5812", "440305"),
            new Shop("西湖金店", ENTERPRISE, "5944", "330106"),
            new Shop("锦江宾馆", ENTERPRISE, "7011", "510104"),
            new Shop("汉口加油站", ENTERPRISE, "5541", "420103"),
            new Shop("天河数码城", ENTERPRISE, "5732", "440106"),
            new Shop("静安物业", ENTERPRISE, "6513", "310106"),
            new Shop("仁济医院", ENTERPRISE, "8062", "310104"),
            new Shop("中关村超市", ENTERPRISE, "5411", "110108"),
            new Shop("老王快餐", INDIVIDUAL_BUSINESS, "5814", "310101"),
            new Shop("鼓楼便利店", INDIVIDUAL_BUSINESS, "5499", "320106"),
            new Shop("泉城大药房", INDIVIDUAL_BUSINESS, "5912", "370102"),
            new Shop("解放碑美发", INDIVIDUAL_BUSINESS, "7230", "500103"),
            new Shop("中山路服饰", INDIVIDUAL_BUSINESS, "5651", "350203"),
            new Shop("曲江古玩", INDIVIDUAL_BUSINESS, "5932", "610113"),
            new Shop("天山拌面馆", INDIVIDUAL_BUSINESS, "5812", "650102"),
            new Shop("和平出租车", INDIVIDUAL_BUSINESS, "4121", "120101"),
            new Shop("西湖丝绸", INDIVIDUAL_BUSINESS, "5651", "330102"),
            new Shop("张阿姨小卖部", INDIVIDUAL, "5499", "310115"),
            new Shop("李记牛肉面", INDIVIDUAL, "5814", "440305"),
            new Shop("芙蓉杂货铺", INDIVIDUAL, "5331", "430102"),
            new Shop("翠湖烟酒店", INDIVIDUAL, "5993", "530102"),
            new Shop("沈河早餐铺", INDIVIDUAL, "5812", "210103"));

    private static final List<String> FIRMWARE = List.of("2.4.1", "3.1.4", "3.2.0", "3.4.0", "3.10.2");

    private final List<Merchant> merchants = new ArrayList<>();
    private final Map<MerchantId, Shop> shops = new java.util.LinkedHashMap<>();
    private final List<Terminal> terminals = new ArrayList<>();

    private SampleWorld() {
    }

    /**
     * Builds the portfolio; {@code seed} decides ratings, products, firmware and settings, so the same
     * seed gives the same world.
     */
    public static SampleWorld generate(long seed, OffsetDateTime dayStart) {
        SampleWorld world = new SampleWorld();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < SHOPS.size(); i++) {
            Shop shop = SHOPS.get(i);
            MerchantId id = new MerchantId(String.format("M%03d%03d", Integer.parseInt(shop.region().substring(0, 2)), i + 1));
            Merchant merchant = world.merchant(id, shop, i, random, dayStart);
            world.merchants.add(merchant);
            world.shops.put(id, shop);
            int terminalsHere = shop.type() == ENTERPRISE ? 3 : 2;
            for (int t = 0; t < terminalsHere; t++) {
                world.terminals.add(world.terminal(merchant, world.terminals.size() + 1, random, dayStart));
            }
        }
        return world;
    }

    private Merchant merchant(MerchantId id, Shop shop, int index, SplittableRandom random, OffsetDateTime dayStart) {
        MerchantStatus status = switch (index) {
            case 9 -> MerchantStatus.PENDING_REVIEW;
            case 18 -> MerchantStatus.SUSPENDED;
            default -> MerchantStatus.ACTIVE;
        };
        CreditRating rating = switch (shop.type()) {
            case ENTERPRISE -> random.nextInt(10) < 8 ? CreditRating.A : CreditRating.B;
            case INDIVIDUAL_BUSINESS -> CreditRating.values()[random.nextInt(3)];
            case INDIVIDUAL -> random.nextInt(3) == 0 ? null : CreditRating.values()[1 + random.nextInt(3)];
        };
        Map<Product, ProductStatus> products = new EnumMap<>(Product.class);
        products.put(Product.ALIPAY, ProductStatus.ACTIVE);
        products.put(Product.WECHAT_PAY, ProductStatus.ACTIVE);
        products.put(Product.UNIONPAY_QR, random.nextInt(5) == 0 ? ProductStatus.NOT_SIGNED : ProductStatus.ACTIVE);
        products.put(Product.UNIONPAY_CARD, ProductStatus.ACTIVE);
        if (shop.type() != INDIVIDUAL) {
            int roll = random.nextInt(10);
            products.put(Product.HUABEI, roll == 0 ? ProductStatus.SUSPENDED : roll < 3 ? ProductStatus.NOT_SIGNED : ProductStatus.ACTIVE);
            products.put(Product.HUABEI_INSTALLMENT, random.nextInt(3) == 0 ? ProductStatus.PENDING : ProductStatus.ACTIVE);
        }
        Set<PaymentMethod> disabled = index == 8 ? EnumSet.of(PaymentMethod.HUABEI) : EnumSet.noneOf(PaymentMethod.class);
        return new Merchant(id, shop.type(), status, Mcc.parse(shop.mcc()), new RegionCode(shop.region()), rating,
                onboarding(products, index, dayStart), disabled, Map.of());
    }

    /**
     * Where onboarding stands for the merchant's products: applications under review for some days, one
     * rejected with the reviewer's fields, one approved by WeChat Pay but not yet confirmed by the
     * merchant, and one product Alipay reports as suspended while the platform holds it active.
     */
    private static Map<Product, ProductState> onboarding(Map<Product, ProductStatus> statuses, int index, OffsetDateTime dayStart) {
        Map<Product, ProductState> states = new EnumMap<>(Product.class);
        statuses.forEach((product, status) -> states.put(product, status == ProductStatus.PENDING
                ? new ProductState(status, dayStart.minusDays(1 + index % 6).plusHours(index % 9), List.of(), true, null, null)
                : ProductState.of(status)));
        switch (index) {
            case 12 -> states.put(Product.HUABEI_INSTALLMENT, new ProductState(ProductStatus.REJECTED, dayStart.minusDays(2),
                    List.of(new Rejection("shop_photo", "门头照片不清晰 / storefront photo unclear"),
                            new Rejection("settle_account", "结算账户户名与营业执照名称不一致 / settlement account holder differs from the licence")),
                    true, null, null));
            case 13 -> states.put(Product.WECHAT_PAY, new ProductState(ProductStatus.ACTIVE, dayStart.minusDays(1), List.of(), false,
                    null, null));
            case 6 -> states.put(Product.HUABEI, new ProductState(ProductStatus.ACTIVE, null, List.of(), true, ProductStatus.SUSPENDED,
                    dayStart.minusHours(3)));
            default -> {
            }
        }
        return states;
    }

    private Terminal terminal(Merchant merchant, int number, SplittableRandom random, OffsetDateTime dayStart) {
        Model model = MODELS.get(random.nextInt(MODELS.size()));
        String firmware = FIRMWARE.get(random.nextInt(FIRMWARE.size()));
        int protocol = firmware.startsWith("2.") && random.nextBoolean() ? 1 : 2;
        Set<PaymentMethod> enabled = EnumSet.noneOf(PaymentMethod.class);
        if (model.capabilities().contains(SCANNER)) {
            enabled.addAll(List.of(PaymentMethod.ALIPAY, PaymentMethod.WECHAT_PAY, PaymentMethod.UNIONPAY_QR));
            if (random.nextInt(6) != 0) {
                enabled.add(PaymentMethod.HUABEI);
            }
        }
        if (model.capabilities().contains(CHIP)) {
            enabled.addAll(List.of(PaymentMethod.UNIONPAY_DEBIT, PaymentMethod.UNIONPAY_CREDIT));
        }
        TerminalStatus status = switch (number) {
            case 17 -> TerminalStatus.LOCKED;
            case 41 -> TerminalStatus.NOT_ACTIVATED;
            case 29 -> TerminalStatus.UPDATING;
            default -> TerminalStatus.ACTIVE;
        };
        // The parameter set of this portfolio is version 14; two terminals missed the last downloads, and
        // one reports its scanner (or, lacking one, its chip reader) broken (docs/POLICY.md: the UnionPay methods need version 12 or later).
        int parameterVersion = number == 31 || number == 35 ? 11 : 14;
        Set<Capability> faults = number != 37 ? Set.of() : EnumSet.of(model.capabilities().contains(SCANNER) ? SCANNER : CHIP);
        RegionCode registered = merchant.region();
        RegionCode observed = number == 23 ? new RegionCode("440305".equals(registered.value()) ? "310115" : "440305") : registered;
        boolean signedOn = random.nextInt(25) != 0;
        return new Terminal(new TerminalSn(String.format("SD-%s-%05d", model.name(), number)), merchant.id(), model.name(),
                model.capabilities(), FirmwareVersion.parse(firmware), protocol, status, signedOn,
                dayStart.plusDays(1), registered, observed, dayStart, enabled, parameterVersion, faults);
    }

    /** The acquirer's channel connections: all three up, Alipay's key valid until mid-2027. */
    public static Map<Channel, ChannelState> connections() {
        Map<Channel, ChannelState> connections = new EnumMap<>(Channel.class);
        connections.put(Channel.ALIPAY, new ChannelState(ChannelStatus.UP, true, OffsetDateTime.parse("2027-06-30T00:00:00+08:00")));
        connections.put(Channel.WECHAT, new ChannelState(ChannelStatus.UP, true, null));
        connections.put(Channel.UNIONPAY, new ChannelState(ChannelStatus.UP, true, null));
        return connections;
    }

    public List<Merchant> merchants() {
        return Collections.unmodifiableList(merchants);
    }

    public List<Terminal> terminals() {
        return Collections.unmodifiableList(terminals);
    }

    /** True when the merchant is allowed to trade at all (approved and not suspended). */
    public boolean trades(MerchantId id) {
        return merchants.stream().anyMatch(m -> m.id().equals(id) && m.status() == io.shoudan.merchant.MerchantStatus.ACTIVE);
    }

    /** The shop's name for a report, e.g. 西湖金店. */
    public String shopName(MerchantId id) {
        Shop shop = shops.get(id);
        return shop == null ? id.value() : shop.name();
    }
}
