package io.shoudan.store.database;

import org.jooq.DSLContext;

import static io.shoudan.store.database.schema.Tables.CONFIG_VERSIONS;

/**
 * The counters of V4's {@code config_versions}: every change to a piece of platform configuration
 * that gateway nodes keep in memory raises its counter in the change's own transaction, and a sale's
 * snapshot reads the counters, so a node reloads exactly what changed before the next payment.
 */
public final class ConfigVersions {

    public static final String CHANNEL_CONNECTIONS = "channel_connections";
    public static final String MAINTENANCE_WINDOWS = "maintenance_windows";
    public static final String RATE_CARDS = "fee_rate_cards";

    private ConfigVersions() {
    }

    /** Raises {@code subject}'s counter; call inside the transaction that changes it. */
    public static void raise(DSLContext dsl, String subject) {
        int updated = dsl.update(CONFIG_VERSIONS).set(CONFIG_VERSIONS.VERSION, CONFIG_VERSIONS.VERSION.plus(1))
                .where(CONFIG_VERSIONS.SUBJECT.eq(subject)).execute();
        if (updated != 1) {
            throw new IllegalStateException("config_versions has no row for " + subject + " (migration V4 not applied?)");
        }
    }
}
