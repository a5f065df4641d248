package io.shoudan.store.terminal;

import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.RegionCode;
import io.shoudan.method.PaymentMethod;
import io.shoudan.store.merchant.MerchantRepository;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

abstract class TerminalRepositoryContract extends StoreContract {

    private static final TerminalModel A8 = new TerminalModel("A8");
    private static final TerminalModel BARE = new TerminalModel("Old-POS 1000");
    private static final MerchantId MERCHANT = new MerchantId("M100001");

    private TerminalModelRepository models;
    private TerminalRepository terminals;

    TerminalRepositoryContract(TestDatabase kind) {
        super(kind);
    }

    @Override
    protected void createRepositories() {
        models = new TerminalModelRepository(database, clock);
        terminals = new TerminalRepository(database, clock);
        new MerchantRepository(database, clock, ZoneId.of("Asia/Shanghai")).save(Fixtures.merchant(MERCHANT.value()));
        models.save(new TerminalModelSpec(A8, EnumSet.allOf(Capability.class)));
        models.save(new TerminalModelSpec(BARE, Set.of()));
    }

    @Test
    void modelsReadBackWithTheirCapabilitiesByName() {
        models.save(new TerminalModelSpec(new TerminalModel("P2"), Set.of(Capability.SCANNER, Capability.PRINTER)));

        assertThat(models.find(A8)).contains(new TerminalModelSpec(A8, EnumSet.allOf(Capability.class)));
        assertThat(models.find(BARE).orElseThrow().capabilities()).isEmpty();
        assertThat(models.list()).extracting(spec -> spec.model().name()).containsExactly("A8", "Old-POS 1000", "P2");
        assertThat(models.find(new TerminalModel("nope"))).isEmpty();
    }

    @Test
    void savingAModelAgainReplacesItsCapabilities() {
        models.save(new TerminalModelSpec(A8, Set.of(Capability.NFC)));

        assertThat(models.find(A8).orElseThrow().capabilities()).containsExactly(Capability.NFC);
        assertThat(models.list()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(TerminalStatus.class)
    void aTerminalWithEveryFieldSetReadsBackAsSaved(TerminalStatus status) {
        Terminal saved = new Terminal(new TerminalSn("LKL-A8-" + status.ordinal()), MERCHANT, A8, EnumSet.allOf(Capability.class),
                FirmwareVersion.parse("3.10.0"), 3, status, true,
                OffsetDateTime.parse("2027-01-01T00:00:00.123456Z"), new RegionCode("310115"), new RegionCode("440305"),
                OffsetDateTime.parse("2026-11-23T01:59:58.5Z"), EnumSet.allOf(PaymentMethod.class));
        terminals.save(saved);

        Terminal read = terminals.find(saved.sn()).orElseThrow();

        assertThat(read).isEqualTo(saved);
        assertThat(read.firmware().toString()).isEqualTo("3.10.0");
    }

    @Test
    void aTerminalWithEveryOptionalFieldEmptyReadsBackAsSaved() {
        Terminal saved = new Terminal(new TerminalSn("BARE.001"), MERCHANT, BARE, Set.of(), FirmwareVersion.parse("1"), 0,
                TerminalStatus.NOT_ACTIVATED, false, null, new RegionCode("650102"), null, null, Set.of());
        terminals.save(saved);

        assertThat(terminals.find(saved.sn())).contains(saved);
    }

    @Test
    void instantsReadBackInUtcWhateverOffsetTheyWereWrittenIn() {
        OffsetDateTime shanghai = OffsetDateTime.parse("2026-11-23T10:00:00.000001+08:00");
        Terminal saved = terminal("SN-TZ", shanghai);
        terminals.save(saved);

        Terminal read = terminals.find(saved.sn()).orElseThrow();

        assertThat(read.lastSeenAt()).isEqualTo(OffsetDateTime.parse("2026-11-23T02:00:00.000001Z"));
        assertThat(read.lastSeenAt().isEqual(shanghai)).isTrue();
    }

    @Test
    void savingAgainReplacesTheTerminal() {
        terminals.save(terminal("SN-1", null));
        Terminal moved = new Terminal(new TerminalSn("SN-1"), MERCHANT, BARE, Set.of(), FirmwareVersion.parse("2.0.1"), 1,
                TerminalStatus.LOCKED, false, null, new RegionCode("110101"), new RegionCode("120101"), null,
                Set.of(PaymentMethod.UNIONPAY_DEBIT));
        terminals.save(moved);

        assertThat(terminals.find(moved.sn())).contains(moved);
        assertThat(terminals.count()).isEqualTo(1);
    }

    @Test
    void aTerminalMustHaveItsModelsCapabilities() {
        Terminal claimsMore = new Terminal(new TerminalSn("SN-X"), MERCHANT, BARE, Set.of(Capability.SCANNER),
                FirmwareVersion.parse("1.0"), 1, TerminalStatus.ACTIVE, true, null, new RegionCode("310115"), null, null, Set.of());

        assertThatThrownBy(() -> terminals.save(claimsMore))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Old-POS 1000");
        assertThat(terminals.find(claimsMore.sn())).isEmpty();
    }

    @Test
    void aTerminalOfAnUnregisteredModelOrUnknownMerchantIsRefused() {
        Terminal unknownModel = new Terminal(new TerminalSn("SN-Y"), MERCHANT, new TerminalModel("Z9"), Set.of(),
                FirmwareVersion.parse("1.0"), 1, TerminalStatus.ACTIVE, true, null, new RegionCode("310115"), null, null, Set.of());
        Terminal unknownMerchant = new Terminal(new TerminalSn("SN-Z"), new MerchantId("M404"), BARE, Set.of(),
                FirmwareVersion.parse("1.0"), 1, TerminalStatus.ACTIVE, true, null, new RegionCode("310115"), null, null, Set.of());

        assertThatThrownBy(() -> terminals.save(unknownModel)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Z9");
        assertThatThrownBy(() -> terminals.save(unknownMerchant)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("M404");
        assertThat(terminals.count()).isZero();
    }

    @Test
    void beingSeenUpdatesLastSeenAndKeepsTheRegionWhenNoneIsReported() {
        terminals.save(terminal("SN-2", null));
        OffsetDateTime first = OffsetDateTime.parse("2026-11-23T02:00:00Z");
        OffsetDateTime second = first.plusMinutes(5);

        assertThat(terminals.recordSeen(new TerminalSn("SN-2"), first, new RegionCode("440305"))).isTrue();
        assertThat(terminals.recordSeen(new TerminalSn("SN-2"), second, null)).isTrue();

        Terminal read = terminals.find(new TerminalSn("SN-2")).orElseThrow();
        assertThat(read.lastSeenAt()).isEqualTo(second);
        assertThat(read.observedRegion()).isEqualTo(new RegionCode("440305"));
        assertThat(terminals.recordSeen(new TerminalSn("SN-404"), second, null)).isFalse();
    }

    @Test
    void signingOnStoresTheKeysExpiryAndSigningOffClearsTheSession() {
        terminals.save(terminal("SN-3", null));
        OffsetDateTime at = OffsetDateTime.parse("2026-11-23T02:00:00Z");

        assertThat(terminals.recordSignOn(new TerminalSn("SN-3"), at, at.plusDays(1))).isTrue();
        Terminal signedOn = terminals.find(new TerminalSn("SN-3")).orElseThrow();
        assertThat(signedOn.signedOn()).isTrue();
        assertThat(signedOn.keysExpireAt()).isEqualTo(at.plusDays(1));
        assertThat(signedOn.lastSeenAt()).isEqualTo(at);

        assertThat(terminals.recordSignOff(new TerminalSn("SN-3"))).isTrue();
        assertThat(terminals.find(new TerminalSn("SN-3")).orElseThrow().signedOn()).isFalse();
        assertThat(terminals.recordSignOn(new TerminalSn("SN-404"), at, at)).isFalse();
    }

    @Test
    void aMerchantsTerminalsAreListedBySerial() {
        new MerchantRepository(database, clock, ZoneId.of("Asia/Shanghai")).save(Fixtures.merchant("M-other"));
        terminals.save(terminal("SN-B", null));
        terminals.save(terminal("SN-A", null));
        terminals.save(new Terminal(new TerminalSn("SN-C"), new MerchantId("M-other"), A8, EnumSet.allOf(Capability.class),
                FirmwareVersion.parse("3.2"), 2, TerminalStatus.ACTIVE, true, null, new RegionCode("310115"), null, null,
                Set.of(PaymentMethod.ALIPAY)));

        assertThat(terminals.forMerchant(MERCHANT)).extracting(t -> t.sn().value()).containsExactly("SN-A", "SN-B");
        assertThat(terminals.forMerchant(MERCHANT).get(0).enabledMethods()).containsExactly(PaymentMethod.ALIPAY, PaymentMethod.HUABEI);
        assertThat(terminals.forMerchant(new MerchantId("M404"))).isEmpty();
    }

    private static Terminal terminal(String sn, OffsetDateTime lastSeenAt) {
        return new Terminal(new TerminalSn(sn), MERCHANT, A8, EnumSet.allOf(Capability.class), FirmwareVersion.parse("3.2.0"), 2,
                TerminalStatus.ACTIVE, true, null, new RegionCode("310115"), null, lastSeenAt,
                Set.of(PaymentMethod.ALIPAY, PaymentMethod.HUABEI));
    }
}
