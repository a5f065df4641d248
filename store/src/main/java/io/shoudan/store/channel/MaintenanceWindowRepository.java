package io.shoudan.store.channel;

import io.shoudan.channel.MaintenanceWindow;
import io.shoudan.method.Channel;
import io.shoudan.store.audit.AuditAction;
import io.shoudan.store.audit.AuditLog;
import io.shoudan.store.audit.AuditSubject;
import io.shoudan.store.audit.Operator;
import io.shoudan.store.database.ConfigVersions;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.schema.tables.records.MaintenanceWindowsRecord;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static io.shoudan.store.database.schema.Tables.MAINTENANCE_WINDOWS;

/** Scheduled maintenance of a channel or of the platform; adding and removing one is audited. */
public final class MaintenanceWindowRepository {

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;

    public MaintenanceWindowRepository(Database database, AuditLog auditLog, Clock clock) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public ScheduledMaintenance add(MaintenanceWindow window, Operator by) {
        return database.inTransaction(dsl -> {
            Long id = dsl.insertInto(MAINTENANCE_WINDOWS)
                    .set(MAINTENANCE_WINDOWS.CHANNEL, window.isPlatform() ? null : window.channel().name())
                    .set(MAINTENANCE_WINDOWS.STARTS_AT, StoreTime.toDatabase(window.from()))
                    .set(MAINTENANCE_WINDOWS.ENDS_AT, StoreTime.toDatabase(window.to()))
                    .set(MAINTENANCE_WINDOWS.CREATED_AT, StoreTime.now(clock))
                    .returning(MAINTENANCE_WINDOWS.WINDOW_ID)
                    .fetchOne(MAINTENANCE_WINDOWS.WINDOW_ID);
            if (id == null) {
                throw new IllegalStateException("the database returned no id for the new maintenance window");
            }
            ConfigVersions.raise(dsl, ConfigVersions.MAINTENANCE_WINDOWS);
            MaintenanceWindowId windowId = new MaintenanceWindowId(id);
            auditLog.append(by, AuditAction.MAINTENANCE_WINDOW_ADDED, subject(windowId), null,
                    window.scope() + " " + window.from() + " .. " + window.to());
            return new ScheduledMaintenance(windowId, read(window));
        });
    }

    /** @return false when there was no such window */
    public boolean remove(MaintenanceWindowId id, Operator by) {
        return database.inTransaction(dsl -> {
            int deleted = dsl.deleteFrom(MAINTENANCE_WINDOWS).where(MAINTENANCE_WINDOWS.WINDOW_ID.eq(id.value())).execute();
            if (deleted == 1) {
                ConfigVersions.raise(dsl, ConfigVersions.MAINTENANCE_WINDOWS);
                auditLog.append(by, AuditAction.MAINTENANCE_WINDOW_REMOVED, subject(id), null, null);
            }
            return deleted == 1;
        });
    }

    public Optional<ScheduledMaintenance> find(MaintenanceWindowId id) {
        return database.dsl().selectFrom(MAINTENANCE_WINDOWS)
                .where(MAINTENANCE_WINDOWS.WINDOW_ID.eq(id.value()))
                .fetchOptional(MaintenanceWindowRepository::toScheduled);
    }

    /** Every window, earliest start first. */
    public List<ScheduledMaintenance> list() {
        return database.dsl().selectFrom(MAINTENANCE_WINDOWS)
                .orderBy(MAINTENANCE_WINDOWS.STARTS_AT, MAINTENANCE_WINDOWS.WINDOW_ID)
                .fetch(MaintenanceWindowRepository::toScheduled);
    }

    /**
     * The windows not over at {@code at} (holding now or still to come), earliest start first: what
     * a payment snapshot and the console need; windows in the past are history.
     */
    public List<MaintenanceWindow> notOverAt(OffsetDateTime at) {
        return database.dsl().selectFrom(MAINTENANCE_WINDOWS)
                .where(MAINTENANCE_WINDOWS.ENDS_AT.gt(StoreTime.toDatabase(at)))
                .orderBy(MAINTENANCE_WINDOWS.STARTS_AT, MAINTENANCE_WINDOWS.WINDOW_ID)
                .fetch(row -> toScheduled(row).window());
    }

    private static AuditSubject subject(MaintenanceWindowId id) {
        return new AuditSubject("maintenance_window", id.toString());
    }

    private static MaintenanceWindow read(MaintenanceWindow written) {
        return new MaintenanceWindow(written.channel(), StoreTime.fromDatabase(StoreTime.toDatabase(written.from())),
                StoreTime.fromDatabase(StoreTime.toDatabase(written.to())));
    }

    private static ScheduledMaintenance toScheduled(MaintenanceWindowsRecord row) {
        return new ScheduledMaintenance(new MaintenanceWindowId(row.getWindowId()), new MaintenanceWindow(
                row.getChannel() == null ? null : Channel.valueOf(row.getChannel()),
                StoreTime.fromDatabase(row.getStartsAt()),
                StoreTime.fromDatabase(row.getEndsAt())));
    }
}
