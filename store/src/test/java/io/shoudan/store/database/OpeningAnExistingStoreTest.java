package io.shoudan.store.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The commands that only read a store ({@code diagnose}, {@code ledger check}) open it with {@link Database#openExisting}:
 * nothing is created or migrated, and each way a store can be unusable is one line naming it.
 */
class OpeningAnExistingStoreTest {

    private static final String PG_URL = System.getenv().getOrDefault("SHOUDAN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getenv().getOrDefault("SHOUDAN_TEST_PG_USER", "postgres");

    @TempDir
    Path directory;

    @Test
    void aMissingEmbeddedFileIsNamedAndNotCreated() {
        DatabaseConfig config = DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + directory.resolve("nothing-here")));

        assertThatThrownBy(() -> Database.openExisting(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("there is no store at " + directory.resolve("nothing-here") + ".mv.db")
                .hasMessageContaining("该位置没有数据库");
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void aStoreFileInAFolderThatCannotBeWrittenIsRefusedByAWriterNamingThePath() throws IOException {
        Path notAFolder = java.nio.file.Files.writeString(directory.resolve("a-file"), "not a folder");
        DatabaseConfig config = DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + notAFolder.resolve("shoudan")));

        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the store file " + notAFolder.resolve("shoudan.mv.db") + " cannot be written ("
                        + notAFolder + " is not a folder this user can write)")
                .hasMessageContaining("不可写");
    }

    @Test
    void aCurrentStoreOpensWithoutHousekeepingOrGroupCommit() {
        DatabaseConfig config = DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + directory.resolve("shoudan")));
        Database.open(config).close();

        try (Database reader = Database.openExisting(config)) {
            assertThat(reader.migrationsApplied()).isZero();
            assertThat(reader.embedded()).isEmpty();
            assertThat(reader.dsl().fetchCount(reader.dsl().selectOne())).isEqualTo(1);
        }
    }

    @Test
    void aFileAnotherProcessHoldsIsRefusedAtOnceSayingHowToShareIt() throws IOException {
        DatabaseConfig config = DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + directory.resolve("shoudan")));
        Database.open(config).close();

        // A lock on the file is what a running serve holds; H2 refuses a second process exactly so.
        try (FileChannel file = FileChannel.open(directory.resolve("shoudan.mv.db"), StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock held = file.lock()) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> Database.openExisting(config))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is open in another process")
                    .hasMessageContaining("AUTO_SERVER=TRUE")
                    .hasMessageContaining("正被另一个进程");
            assertThat((System.nanoTime() - started) / 1_000_000).as("ms until refused").isLessThan(1_500);
        }
    }

    @Test
    void anOlderStoreIsToldToBeMigratedByServeAndIsLeftAsItWas() {
        DatabaseConfig config = DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + directory.resolve("shoudan")));
        try (Database store = Database.open(config)) {
            store.dsl().execute("DELETE FROM flyway_schema_history WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)");
        }

        assertThatThrownBy(() -> Database.openExisting(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is at schema V12, this Shoudan needs V13: run `./shoudan serve`")
                .hasMessageContaining("较旧");
        assertThatThrownBy(() -> Database.openExisting(config)).as("the first reader migrated nothing")
                .hasMessageContaining("is at schema V12");
    }

    @Test
    void anEmptyPostgresqlSchemaIsNotAShoudanStoreAndGainsNoTable() throws SQLException {
        String schema = "shoudan_empty_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(PG_URL, PG_USER, null); Statement sql = admin.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
            try {
                DatabaseConfig config = DatabaseConfig.of(new JdbcUrl(PG_URL)).withCredentials(PG_USER, null).withSchema(schema);

                assertThatThrownBy(() -> Database.openExisting(config))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("holds no Shoudan store")
                        .hasMessageContaining("没有 Shoudan 数据");
                try (ResultSet tables = sql.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema + "'")) {
                    tables.next();
                    assertThat(tables.getInt(1)).isZero();
                }
            } finally {
                sql.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
