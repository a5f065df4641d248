package io.shoudan.store.channel;

import io.shoudan.channel.ChannelState;
import io.shoudan.channel.ChannelStatus;
import io.shoudan.channel.MaintenanceWindow;
import io.shoudan.method.Channel;
import io.shoudan.store.audit.AuditAction;
import io.shoudan.store.audit.AuditLog;
import io.shoudan.store.audit.AuditSubject;
import io.shoudan.store.audit.Operator;
import io.shoudan.store.testing.StoreContract;
import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

abstract class ChannelRepositoriesContract extends StoreContract {

    private static final Operator OPS = new Operator("ops:carol");
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-23T02:00:00Z");

    private AuditLog auditLog;
    private MaintenanceWindowRepository maintenance;
    private ChannelConnectionRepository connections;

    ChannelRepositoriesContract(TestDatabase kind) {
        super(kind);
    }

    @Override
    protected void createRepositories() {
        auditLog = new AuditLog(database, clock);
        maintenance = new MaintenanceWindowRepository(database, auditLog, clock);
        connections = new ChannelConnectionRepository(database, clock);
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void aChannelsMaintenanceWindowReadsBackAsAdded(Channel channel) {
        MaintenanceWindow window = new MaintenanceWindow(channel, T0, T0.plusHours(2));

        ScheduledMaintenance added = maintenance.add(window, OPS);

        assertThat(added.window()).isEqualTo(window);
        assertThat(maintenance.find(added.id())).contains(added);
        assertThat(maintenance.list()).containsExactly(added);
    }

    @Test
    void aPlatformWindowHasNoChannelAndIsWrittenInUtc() {
        MaintenanceWindow window = MaintenanceWindow.platform(OffsetDateTime.parse("2026-11-24T01:00:00+08:00"),
                OffsetDateTime.parse("2026-11-24T03:00:00+08:00"));

        ScheduledMaintenance added = maintenance.add(window, OPS);

        MaintenanceWindow read = maintenance.find(added.id()).orElseThrow().window();
        assertThat(read.isPlatform()).isTrue();
        assertThat(read.from()).isEqualTo(OffsetDateTime.parse("2026-11-23T17:00:00Z"));
        assertThat(read.to().isEqual(window.to())).isTrue();
    }

    @ParameterizedTest(name = "a window ending {0} minutes after T0 is {1} at T0")
    @CsvSource({
            "-1, over",
            " 0, over",
            " 1, not over",
    })
    void aWindowIsOverFromTheInstantItEnds(long endMinutesAfterT0, String expected) {
        maintenance.add(new MaintenanceWindow(Channel.ALIPAY, T0.minusHours(1), T0.plusMinutes(endMinutesAfterT0)), OPS);

        assertThat(maintenance.notOverAt(T0)).hasSize(expected.equals("over") ? 0 : 1);
    }

    @Test
    void windowsStillToComeAreListedEarliestFirst() {
        maintenance.add(new MaintenanceWindow(Channel.WECHAT, T0.plusDays(2), T0.plusDays(2).plusHours(1)), OPS);
        maintenance.add(MaintenanceWindow.platform(T0.plusDays(1), T0.plusDays(1).plusHours(1)), OPS);
        maintenance.add(new MaintenanceWindow(Channel.UNIONPAY, T0.minusDays(1), T0.minusDays(1).plusHours(1)), OPS);

        assertThat(maintenance.notOverAt(T0)).extracting(MaintenanceWindow::scope).containsExactly("PLATFORM", "WECHAT");
        assertThat(maintenance.list()).hasSize(3);
    }

    @Test
    void addingAndRemovingAWindowIsAudited() {
        ScheduledMaintenance added = maintenance.add(new MaintenanceWindow(Channel.ALIPAY, T0, T0.plusHours(1)), OPS);

        assertThat(maintenance.remove(added.id(), OPS)).isTrue();
        assertThat(maintenance.remove(added.id(), OPS)).isFalse();

        assertThat(maintenance.find(added.id())).isEmpty();
        assertThat(auditLog.forSubject(new AuditSubject("maintenance_window", added.id().toString()), 10))
                .extracting(e -> e.action())
                .containsExactly(AuditAction.MAINTENANCE_WINDOW_REMOVED, AuditAction.MAINTENANCE_WINDOW_ADDED);
    }

    @ParameterizedTest
    @CsvSource({
            "ALIPAY,   UP,       true,  2027-06-30T16:00:00Z",
            "WECHAT,   DEGRADED, true,  ",
            "UNIONPAY, DOWN,     false, 2026-01-01T00:00:00.000001Z",
    })
    void aChannelsConnectionReadsBackAsSaved(Channel channel, ChannelStatus status, boolean connected, String expiresAt) {
        ChannelState state = new ChannelState(status, connected, expiresAt == null ? null : OffsetDateTime.parse(expiresAt));

        connections.save(channel, state);

        assertThat(connections.find(channel)).contains(state);
        assertThat(connections.all()).isEqualTo(Map.of(channel, state));
    }

    @Test
    void savingAConnectionAgainReplacesItAndAnUnsavedChannelIsAbsent() {
        connections.save(Channel.ALIPAY, new ChannelState(ChannelStatus.UP, true, null));
        ChannelState down = new ChannelState(ChannelStatus.DOWN, false, T0);
        connections.save(Channel.ALIPAY, down);

        assertThat(connections.find(Channel.ALIPAY)).contains(down);
        assertThat(connections.find(Channel.WECHAT)).isEmpty();
        assertThat(connections.all()).containsOnlyKeys(Channel.ALIPAY);
    }
}
