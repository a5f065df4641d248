package io.shoudan.store.snapshot;

import io.shoudan.channel.ChannelState;
import io.shoudan.channel.ChannelStatus;
import io.shoudan.channel.MaintenanceWindow;
import io.shoudan.fee.FeeRule;
import io.shoudan.fee.Rate;
import io.shoudan.fee.RateCard;
import io.shoudan.fee.RateCardId;
import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.ProductStatus;
import java.util.List;
import io.shoudan.merchant.Rejection;
import io.shoudan.merchant.ProductState;
import io.shoudan.merchant.RegionCode;
import io.shoudan.merchant.Usage;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.store.audit.AuditLog;
import io.shoudan.store.audit.Operator;
import io.shoudan.store.channel.ChannelConnectionRepository;
import io.shoudan.store.channel.MaintenanceWindowRepository;
import io.shoudan.store.fee.RateCardRepository;
import io.shoudan.store.merchant.MerchantRepository;
import io.shoudan.store.policy.PolicyVersionRepository;
import io.shoudan.store.terminal.TerminalModelRepository;
import io.shoudan.store.terminal.TerminalModelSpec;
import io.shoudan.store.terminal.TerminalRepository;
import io.shoudan.store.testing.Fixtures;
import io.shoudan.store.testing.StoreContract;
import io.shoudan.store.testing.TestDatabase;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.FirmwareVersion;
import io.shoudan.terminal.Terminal;
import io.shoudan.terminal.TerminalModel;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TerminalStatus;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-statement snapshot read answers exactly what the repositories' separate reads answer, and
 * reports the versions a node compares its in-memory copies with.
 */
public abstract class SnapshotQueryContract extends StoreContract {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final MerchantId MERCHANT = new MerchantId("M300001");
    private static final TerminalSn SN = new TerminalSn("LKL-A8-300001");
    private static final TerminalModel A8 = new TerminalModel("A8");
    private static final OffsetDateTime AT = OffsetDateTime.ofInstant(START, ZoneOffset.UTC);

    private MerchantRepository merchants;
    private TerminalRepository terminals;
    private PolicyVersionRepository policies;
    private ChannelConnectionRepository connections;
    private MaintenanceWindowRepository maintenance;
    private RateCardRepository rateCards;
    private SnapshotQuery query;

    protected SnapshotQueryContract(TestDatabase kind) {
        super(kind);
    }

    @Override
    protected void createRepositories() {
        merchants = new MerchantRepository(database, clock, SHANGHAI);
        terminals = new TerminalRepository(database, clock);
        AuditLog audit = new AuditLog(database, clock);
        policies = new PolicyVersionRepository(database, audit, clock);
        connections = new ChannelConnectionRepository(database, clock);
        maintenance = new MaintenanceWindowRepository(database, audit, clock);
        rateCards = new RateCardRepository(database, clock);
        query = new SnapshotQuery(database, SHANGHAI);
        new TerminalModelRepository(database, clock).save(new TerminalModelSpec(A8, EnumSet.of(Capability.SCANNER, Capability.NFC)));
    }

    private Terminal terminal(MerchantId merchant, Set<PaymentMethod> enabled) {
        return new Terminal(SN, merchant, A8, EnumSet.of(Capability.SCANNER, Capability.NFC), FirmwareVersion.parse("3.10.0"), 3,
                TerminalStatus.ACTIVE, true, OffsetDateTime.parse("2027-01-01T00:00:00.123456Z"), new RegionCode("310115"),
                new RegionCode("440305"), OffsetDateTime.parse("2026-11-23T01:59:58.5Z"), enabled);
    }

    @Test
    void theMerchantWithProductsSwitchedOffMethodsAndUsageAndTheTerminalReadAsTheRepositoriesReadThem() {
        Merchant base = Fixtures.merchant(MERCHANT.value());
        Map<Product, ProductStatus> products = new EnumMap<>(Product.class);
        products.put(Product.HUABEI, ProductStatus.ACTIVE);
        products.put(Product.WECHAT_PAY, ProductStatus.SUSPENDED);
        merchants.save(new Merchant(MERCHANT, base.type(), base.status(), base.mcc(), base.region(), base.creditRating(),
                ProductState.of(products), EnumSet.of(PaymentMethod.WECHAT_PAY, PaymentMethod.UNIONPAY_QR), null));
        terminals.save(terminal(MERCHANT, EnumSet.of(PaymentMethod.ALIPAY, PaymentMethod.HUABEI)));
        Fixtures.insertPayment(database, MERCHANT.value(), "P1", PaymentMethod.ALIPAY, "SUCCEEDED", 1_000, AT.minusMinutes(5));
        Fixtures.insertPayment(database, MERCHANT.value(), "P2", PaymentMethod.ALIPAY, "SUCCEEDED", 2_000, AT.minusDays(1));
        Fixtures.insertPayment(database, MERCHANT.value(), "P3", PaymentMethod.HUABEI, "PROCESSING", 30_000, AT.minusMinutes(1));
        Fixtures.insertPayment(database, MERCHANT.value(), "P4", PaymentMethod.HUABEI, "FAILED", 99_000, AT.minusMinutes(1));

        StoredSnapshot read = query.read(MERCHANT, SN, AT).orElseThrow();

        assertThat(read.merchant()).isEqualTo(merchants.find(MERCHANT, AT));
        assertThat(read.merchant().orElseThrow().usage()).isEqualTo(Map.of(
                PaymentMethod.ALIPAY, new Usage(Money.ofFen(1_000), Money.ofFen(3_000)),
                PaymentMethod.HUABEI, new Usage(Money.ofFen(30_000), Money.ofFen(30_000))));
        assertThat(read.terminal()).isEqualTo(terminals.find(SN).orElseThrow());
        assertThat(read.policyVersion()).isEmpty();
    }

    @Test
    void onboardingStatesParameterVersionAndFaultsReadAsTheRepositoriesReadThem() {
        Merchant base = Fixtures.merchant(MERCHANT.value());
        Map<Product, ProductState> products = new EnumMap<>(Product.class);
        products.put(Product.ALIPAY, ProductState.of(ProductStatus.ACTIVE));
        products.put(Product.HUABEI, new ProductState(ProductStatus.PENDING, AT.minusDays(3), List.of(), true, null, null));
        products.put(Product.HUABEI_INSTALLMENT, new ProductState(ProductStatus.REJECTED, AT.minusDays(1),
                List.of(new Rejection("shop_photo", "门头照片不清晰 / storefront photo unclear")), true, null, null));
        products.put(Product.WECHAT_PAY, new ProductState(ProductStatus.ACTIVE, null, List.of(), false, ProductStatus.ACTIVE,
                AT.minusHours(2)));
        merchants.save(new Merchant(MERCHANT, base.type(), base.status(), base.mcc(), base.region(), base.creditRating(),
                products, Set.of(), null));
        Terminal saved = terminal(MERCHANT, EnumSet.of(PaymentMethod.ALIPAY));
        terminals.save(new Terminal(saved.sn(), saved.merchantId(), saved.model(), saved.capabilities(), saved.firmware(),
                saved.protocolVersion(), TerminalStatus.UPDATING, saved.signedOn(), saved.keysExpireAt(), saved.registeredRegion(),
                saved.observedRegion(), saved.lastSeenAt(), saved.enabledMethods(), 11, EnumSet.of(Capability.SCANNER)));

        StoredSnapshot read = query.read(MERCHANT, SN, AT).orElseThrow();

        assertThat(read.merchant().orElseThrow().products()).isEqualTo(products);
        assertThat(read.merchant()).isEqualTo(merchants.find(MERCHANT, AT));
        assertThat(read.terminal()).isEqualTo(terminals.find(SN).orElseThrow());
        assertThat(read.terminal().parameterVersion()).isEqualTo(11);
        assertThat(read.terminal().faults()).containsExactly(Capability.SCANNER);
        assertThat(read.terminal().status()).isEqualTo(TerminalStatus.UPDATING);

        assertThat(terminals.recordStatusUpload(SN, 14, Set.of())).isTrue();
        assertThat(query.read(MERCHANT, SN, AT).orElseThrow().terminal()).satisfies(t -> {
            assertThat(t.parameterVersion()).isEqualTo(14);
            assertThat(t.faults()).isEmpty();
        });
    }

    @Test
    void aTerminalWithoutEnabledMethodsAndAMerchantWithoutProductsReadEmptySets() {
        Merchant base = Fixtures.merchant(MERCHANT.value());
        merchants.save(new Merchant(MERCHANT, base.type(), base.status(), base.mcc(), base.region(), base.creditRating(), Map.of(),
                Set.of(), null));
        terminals.save(terminal(MERCHANT, Set.of()));

        StoredSnapshot read = query.read(MERCHANT, SN, AT).orElseThrow();

        assertThat(read.merchant().orElseThrow().products()).isEmpty();
        assertThat(read.merchant().orElseThrow().disabledMethods()).isEmpty();
        assertThat(read.merchant().orElseThrow().usage()).isEmpty();
        assertThat(read.terminal().enabledMethods()).isEmpty();
    }

    @Test
    void anUnknownTerminalReadsNothingAndAnUnknownMerchantReadsTheTerminalAlone() {
        merchants.save(Fixtures.merchant(MERCHANT.value()));
        terminals.save(terminal(MERCHANT, Set.of(PaymentMethod.ALIPAY)));

        assertThat(query.read(MERCHANT, new TerminalSn("NO-SUCH-SN"), AT)).isEmpty();
        StoredSnapshot other = query.read(new MerchantId("M404"), SN, AT).orElseThrow();
        assertThat(other.merchant()).isEmpty();
        assertThat(other.terminal().merchantId()).isEqualTo(MERCHANT);
    }

    @Test
    void everyChangeToThePolicyTheChannelsTheMaintenanceWindowsOrTheRateCardsShowsInTheVersionsRead() {
        merchants.save(Fixtures.merchant(MERCHANT.value()));
        terminals.save(terminal(MERCHANT, Set.of(PaymentMethod.ALIPAY)));
        StoredSnapshot before = query.read(MERCHANT, SN, AT).orElseThrow();

        policies.saveAndActivate("{\"v\":1}", new Operator("alice"), "first");
        connections.save(Channel.ALIPAY, new ChannelState(ChannelStatus.UP, true, null));
        var window = maintenance.add(new MaintenanceWindow(Channel.WECHAT, AT.plusHours(1), AT.plusHours(2)), new Operator("alice"));
        StoredSnapshot added = query.read(MERCHANT, SN, AT).orElseThrow();
        maintenance.remove(window.id(), new Operator("alice"));
        StoredSnapshot removed = query.read(MERCHANT, SN, AT).orElseThrow();
        rateCards.save(new RateCard(new RateCardId("RC-1"), 1, MERCHANT, PaymentMethod.ALIPAY, AT.toLocalDate(), null,
                new FeeRule.Scan(Rate.percent("0.38"))));
        StoredSnapshot priced = query.read(MERCHANT, SN, AT).orElseThrow();

        assertThat(added.policyVersion()).contains(1L);
        assertThat(added.channelsVersion()).isGreaterThan(before.channelsVersion());
        assertThat(added.maintenanceVersion()).isGreaterThan(before.maintenanceVersion());
        assertThat(removed.maintenanceVersion()).isGreaterThan(added.maintenanceVersion());
        assertThat(removed.channelsVersion()).isEqualTo(added.channelsVersion());
        assertThat(removed.rateCardsVersion()).isEqualTo(before.rateCardsVersion());
        assertThat(priced.rateCardsVersion()).isGreaterThan(removed.rateCardsVersion());
        assertThat(priced.maintenanceVersion()).isEqualTo(removed.maintenanceVersion());
    }
}
