package io.shoudan.store.database;

import io.shoudan.store.audit.AuditAction;
import io.shoudan.store.audit.AuditLog;
import io.shoudan.store.audit.AuditSubject;
import io.shoudan.store.audit.Operator;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static io.shoudan.store.database.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code WRITE_DELAY=0} every commit is a chunk of H2's file and nothing of H2's own rewrites the half-empty ones:
 * the store's housekeeping does, so their space can be used again.
 */
class H2HousekeepingTest {

    @Test
    void anEmbeddedFileHasHousekeepingAndPostgresqlAndInMemoryStoresHaveNone(@TempDir Path directory) {
        try (Database file = Database.open(DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + directory.resolve("shoudan"))));
             Database memory = Database.open(DatabaseConfig.of(JdbcUrl.inMemory("housekeeping")))) {
            assertThat(file.housekeeping()).isPresent();
            assertThat(memory.housekeeping()).isEmpty();
        }
    }

    @Test
    void closingTheStoreShortensItsFileAndKeepsEveryRow(@TempDir Path directory) throws Exception {
        JdbcUrl url = new JdbcUrl("jdbc:h2:file:" + directory.resolve("shoudan"));
        Path file = directory.resolve("shoudan.mv.db");
        long open;
        try (Database database = Database.open(DatabaseConfig.of(url))) {
            AuditLog audit = new AuditLog(database, Clock.systemUTC());
            for (int i = 0; i < 2_000; i++) {
                audit.append(Operator.SYSTEM, new AuditAction("TEST.WRITTEN"), new AuditSubject("test", Integer.toString(i)), null, null);
            }
            open = Files.size(file);
        }

        assertThat(Files.size(file)).as("file size after close, against %,d bytes before", open).isLessThan(open / 2);
        try (Database reopened = Database.open(DatabaseConfig.of(url))) {
            assertThat(reopened.dsl().fetchCount(AUDIT_LOG)).isEqualTo(2_000);
        }
    }

    @Test
    void anH2ServersDatabaseIsTheServersToKeep(@TempDir Path directory) throws Exception {
        org.h2.tools.Server server = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-baseDir", directory.toString(), "-ifNotExists").start();
        try (Database remote = Database.open(DatabaseConfig.of(new JdbcUrl("jdbc:h2:tcp://localhost:" + server.getPort() + "/shoudan")))) {
            assertThat(remote.housekeeping()).isEmpty();
            assertThat(remote.migrationsApplied()).isPositive();
        } finally {
            server.stop();
        }
    }

    @Test
    void aRoundRewritesTheHalfEmptyChunksThatOneCommitEachLeaves(@TempDir Path directory) {
        // RETENTION_TIME=0: chunks may be rewritten at once, so the round need not wait for them to age
        JdbcUrl url = new JdbcUrl("jdbc:h2:file:" + directory.resolve("shoudan") + ";RETENTION_TIME=0");
        try (Database database = Database.open(DatabaseConfig.of(url))) {
            AuditLog audit = new AuditLog(database, Clock.systemUTC());
            for (int i = 0; i < 2_000; i++) {
                audit.append(Operator.SYSTEM, new AuditAction("TEST.WRITTEN"), new AuditSubject("test", Integer.toString(i)), null, null);
            }
            H2Housekeeping housekeeping = database.housekeeping().orElseThrow();
            int before = housekeeping.chunksFillRate();
            assertThat(before).as("fill rate of the chunks after 2,000 one-row commits").isLessThan(H2Housekeeping.TARGET_FILL_RATE);

            boolean rewrote = false;
            int rounds = 0;
            while (rounds < 50 && housekeeping.chunksFillRate() < H2Housekeeping.TARGET_FILL_RATE) {
                rewrote |= housekeeping.round();
                audit.append(Operator.SYSTEM, new AuditAction("TEST.WRITTEN"), new AuditSubject("test", "after-" + rounds++), null, null);
            }

            assertThat(rewrote).isTrue();
            assertThat(housekeeping.chunksFillRate()).as("after %d rounds", rounds).isGreaterThan(before);
            assertThat(database.dsl().fetchCount(AUDIT_LOG)).as("every row is still there").isEqualTo(2_000 + rounds);
        }
    }

    @Test
    void stoppingTheTimerLetsARoundFinishInsteadOfInterruptingTheFilesChannel(@TempDir Path directory) {
        // An interrupt during a FileChannel call closes the channel for every user of the file: the store could not
        // write again, and a closing database would lose what it had not written yet.
        MVStore store = new MVStore.Builder().fileName(directory.resolve("rounds.mv.db").toString()).autoCommitDisabled().open();
        try {
            MVMap<Integer, String> rows = store.openMap("rows");
            for (int attempt = 0; attempt < 30; attempt++) {
                H2Housekeeping housekeeping = new H2Housekeeping(store, Duration.ofMillis(1));
                long until = System.nanoTime() + Duration.ofMillis(20).toNanos();
                for (int i = 0; System.nanoTime() < until; i++) {
                    rows.put(attempt * 1_000_000 + i, "row " + i);
                    store.commit();
                }
                housekeeping.close();

                rows.put(-attempt, "after the timer stopped");
                store.commit();
                store.sync();
                assertThat(store.isClosed()).as("after stop %d", attempt).isFalse();
            }
        } finally {
            store.close();
        }
    }
}
