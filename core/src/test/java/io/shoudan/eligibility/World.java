package io.shoudan.eligibility;

import io.shoudan.channel.ChannelState;
import io.shoudan.channel.ChannelStatus;
import io.shoudan.channel.MaintenanceWindow;
import io.shoudan.consumer.AccountStatus;
import io.shoudan.consumer.ConsumerState;
import io.shoudan.consumer.HuabeiStatus;
import io.shoudan.merchant.CreditRating;
import io.shoudan.merchant.Mcc;
import io.shoudan.merchant.MccRange;
import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.MerchantStatus;
import io.shoudan.merchant.MerchantType;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.ProductState;
import io.shoudan.merchant.ProductStatus;
import io.shoudan.merchant.RegionCode;
import io.shoudan.merchant.RegionPrefix;
import io.shoudan.merchant.Usage;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.policy.MethodRule;
import io.shoudan.policy.PeriodLimits;
import io.shoudan.policy.Policy;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.FirmwareVersion;
import io.shoudan.terminal.Terminal;
import io.shoudan.terminal.TerminalModel;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TerminalStatus;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A mutable test world that starts where everything is fine for a Huabei payment of 1288.00 at an
 * enterprise grocery in Shanghai (like contract example 01, without installments). Tests change one
 * fact at a time and look at the verdict.
 */
final class World {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T14:05:00+08:00");
    static final String ALIPAY_CODE = "286012345678901234";
    static final String WECHAT_CODE = "134567890123456789";
    static final String UNIONPAY_CODE = "6212345678901234567";

    OffsetDateTime at = AT;
    // payment
    PaymentMethod method = PaymentMethod.HUABEI;
    Money amount = Money.parse("1288.00");
    int installments = 0;
    String paymentCode = ALIPAY_CODE;
    // merchant
    String merchantId = "M100001";
    MerchantType merchantType = MerchantType.ENTERPRISE;
    MerchantStatus merchantStatus = MerchantStatus.ACTIVE;
    String mcc = "5411";
    String region = "310115";
    CreditRating rating = CreditRating.A;
    Map<Product, ProductStatus> products = new EnumMap<>(Product.class);
    /** Products given with their whole onboarding state; these win over {@link #products}. */
    Map<Product, ProductState> productStates = new EnumMap<>(Product.class);
    Set<PaymentMethod> disabledMethods = EnumSet.noneOf(PaymentMethod.class);
    Map<PaymentMethod, Usage> usage = new EnumMap<>(PaymentMethod.class);
    // terminal
    String terminalMerchantId = "M100001";
    String model = "A8";
    Set<Capability> capabilities = EnumSet.allOf(Capability.class);
    String firmware = "3.4.0";
    int protocolVersion = 2;
    TerminalStatus terminalStatus = TerminalStatus.ACTIVE;
    boolean signedOn = true;
    OffsetDateTime keysExpireAt = OffsetDateTime.parse("2026-11-24T00:00:00+08:00");
    String registeredRegion = "310115";
    String observedRegion = "310104";
    OffsetDateTime lastSeenAt = OffsetDateTime.parse("2026-11-23T14:04:40+08:00");
    Set<PaymentMethod> enabledMethods = EnumSet.allOf(PaymentMethod.class);
    Integer parameterVersion = 14;
    Set<Capability> faults = EnumSet.noneOf(Capability.class);
    // consumer
    boolean withConsumer = true;
    AccountStatus accountStatus = AccountStatus.NORMAL;
    Money balance = Money.parse("20000.00");
    HuabeiStatus huabeiStatus = HuabeiStatus.OPEN;
    Money huabeiAvailable = Money.parse("30000.00");
    boolean paymentCodeValid = true;
    // channels and maintenance
    Map<Channel, ChannelState> channels = new EnumMap<>(Channel.class);
    List<MaintenanceWindow> maintenance = new ArrayList<>();
    // policy
    Long offlineAfterSeconds = 300L;
    Map<PaymentMethod, MethodRule.Builder> rules = new EnumMap<>(PaymentMethod.class);

    World() {
        for (Product product : Product.values()) {
            products.put(product, ProductStatus.ACTIVE);
        }
        channels.put(Channel.ALIPAY, new ChannelState(ChannelStatus.UP, true, OffsetDateTime.parse("2027-06-30T00:00:00+08:00")));
        channels.put(Channel.WECHAT, new ChannelState(ChannelStatus.UP, true, null));
        channels.put(Channel.UNIONPAY, new ChannelState(ChannelStatus.UP, true, null));
        maintenance.add(new MaintenanceWindow(Channel.ALIPAY, OffsetDateTime.parse("2026-11-24T01:00:00+08:00"),
                OffsetDateTime.parse("2026-11-24T03:00:00+08:00")));
        rules.put(PaymentMethod.ALIPAY, scan(Product.ALIPAY, "2.0.0").amountMax(Money.parse("100000.00"))
                .deniedMcc(List.of(MccRange.parse("7995"))));
        rules.put(PaymentMethod.HUABEI, MethodRule.builder()
                .requiresProducts(List.of(Product.ALIPAY, Product.HUABEI))
                .installmentProducts(List.of(Product.HUABEI_INSTALLMENT))
                .merchantTypes(EnumSet.of(MerchantType.INDIVIDUAL_BUSINESS, MerchantType.ENTERPRISE))
                .minCreditRating(CreditRating.B)
                .minFirmware(FirmwareVersion.parse("3.2.0"))
                .minProtocolVersion(2)
                .minParameterVersion(12)
                .requiresCapabilities(EnumSet.of(Capability.SCANNER))
                .deniedMcc(List.of(MccRange.parse("5944"), MccRange.parse("6010-6012"), MccRange.parse("7995")))
                .deniedRegions(List.of(new RegionPrefix("65"), new RegionPrefix("5400")))
                .amountMin(Money.parse("1.00"))
                .amountMax(Money.parse("50000.00"))
                .installmentCounts(List.of(3, 6, 12))
                .installmentMinAmount(Money.parse("600.00"))
                .dailyLimit(Money.parse("200000.00"))
                .monthlyLimit(Money.parse("2000000.00"))
                .merchantTypeLimits(Map.of(MerchantType.INDIVIDUAL,
                        new PeriodLimits(Money.parse("1000.00"), Money.parse("10000.00")))));
        rules.put(PaymentMethod.WECHAT_PAY, scan(Product.WECHAT_PAY, "2.0.0").amountMax(Money.parse("100000.00")));
        rules.put(PaymentMethod.UNIONPAY_QR, scan(Product.UNIONPAY_QR, "2.5.0").amountMax(Money.parse("50000.00")));
        rules.put(PaymentMethod.UNIONPAY_DEBIT, card());
        rules.put(PaymentMethod.UNIONPAY_CREDIT, card().merchantTypeLimits(Map.of(MerchantType.INDIVIDUAL,
                new PeriodLimits(Money.parse("1000.00"), Money.parse("10000.00")))));
    }

    private static MethodRule.Builder scan(Product product, String firmware) {
        return MethodRule.builder().requiresProducts(List.of(product)).requiresCapabilities(EnumSet.of(Capability.SCANNER))
                .minProtocolVersion(2).minFirmware(FirmwareVersion.parse(firmware)).amountMin(Money.parse("0.01"));
    }

    private static MethodRule.Builder card() {
        return MethodRule.builder().requiresProducts(List.of(Product.UNIONPAY_CARD))
                .requiresCapabilities(EnumSet.of(Capability.CHIP)).minProtocolVersion(1)
                .amountMin(Money.parse("0.01")).amountMax(Money.parse("500000.00"));
    }

    static World allGood() {
        return new World();
    }

    World with(Consumer<World> change) {
        change.accept(this);
        return this;
    }

    /** Changes the rule of the method being paid with. */
    World rule(Consumer<MethodRule.Builder> change) {
        change.accept(rules.get(method));
        return this;
    }

    Snapshot snapshot() {
        Map<Product, ProductState> states = new EnumMap<>(Product.class);
        products.forEach((product, status) -> states.put(product, ProductState.of(status)));
        states.putAll(productStates);
        Merchant merchant = new Merchant(new MerchantId(merchantId), merchantType, merchantStatus, Mcc.parse(mcc),
                new RegionCode(region), rating, states, disabledMethods, usage);
        Terminal terminal = new Terminal(new TerminalSn("LKL-A8-000123"), new MerchantId(terminalMerchantId),
                new TerminalModel(model), capabilities, FirmwareVersion.parse(firmware), protocolVersion, terminalStatus,
                signedOn, keysExpireAt, new RegionCode(registeredRegion),
                observedRegion == null ? null : new RegionCode(observedRegion), lastSeenAt, enabledMethods,
                parameterVersion, faults);
        ConsumerState consumer = withConsumer
                ? new ConsumerState(accountStatus, balance, huabeiStatus, huabeiAvailable, paymentCodeValid) : null;
        Map<PaymentMethod, MethodRule> built = new EnumMap<>(PaymentMethod.class);
        rules.forEach((m, builder) -> built.put(m, builder.build()));
        return new Snapshot(at, merchant, terminal, consumer, channels, maintenance, new Policy(offlineAfterSeconds, built));
    }

    PaymentIntent intent() {
        return new PaymentIntent(method, amount, installments, paymentCode);
    }

    Verdict verdict() {
        return new EligibilityEngine().evaluate(snapshot(), intent());
    }
}
