package io.shoudan.store.database;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A migration written in Java (registered in {@link Database}): its version and description, run inside the
 * migration's transaction on the connection Flyway gives it.
 */
abstract class CodeMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    CodeMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    /** What the migration does, on the migrating connection. */
    abstract void migrate(Connection connection) throws SQLException;

    @Override
    public final void migrate(Context context) throws SQLException {
        migrate(context.getConnection());
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    /** Null: the code is the migration, and a changed checksum would only stop old databases from opening. */
    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
