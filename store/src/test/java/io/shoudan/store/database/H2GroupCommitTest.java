package io.shoudan.store.database;

import io.shoudan.store.audit.AuditAction;
import io.shoudan.store.audit.AuditLog;
import io.shoudan.store.audit.AuditSubject;
import io.shoudan.store.audit.Operator;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.shoudan.store.database.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded file's group commit: which calls wait for a chunk of the file and which do not, that concurrent commits
 * share chunks, and that H2's own commit mode, which a new session turns back on, is switched off again. That what was
 * answered survives a kill is {@code KilledProcessDurabilityTest}'s.
 */
class H2GroupCommitTest {

    @ParameterizedTest(name = "{0} → may write: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SELECT * FROM payments WHERE payment_id = ?                          | false
            "  select 1"                                                         | false
            /* a comment */ SELECT 1                                             | false
            "-- a line comment\nSELECT 1"                                        | false
            (SELECT 1) UNION (SELECT 2)                                          | false
            WITH recent AS (SELECT 1 AS a) SELECT a FROM recent                  | false
            VALUES (1)                                                           | false
            EXPLAIN SELECT 1                                                     | false
            INSERT INTO audit_log (actor) VALUES (?)                             | true
            update payments set state = ?                                        | true
            DELETE FROM outbox                                                   | true
            MERGE INTO merchant_usage_daily KEY (merchant_id) VALUES (?)         | true
            "select entry_id from final table (insert into audit_log values (?))" | true
            SELECT NEXT VALUE FOR journal_ids                                    | true
            select nextval('journal_ids')                                        | true
            SELECT * FROM payments WHERE payment_id = ? FOR UPDATE               | true
            CREATE TABLE t (a INT)                                               | true
            SET WRITE_DELAY 0                                                    | true
            CALL 1                                                               | true
            "SELECT 'update' AS word"                                            | true
            """)
    void aStatementMayWriteUnlessItIsAQueryNamingNoWritingWord(String sql, boolean mayWrite) {
        assertThat(GroupCommitDataSource.mayWrite(sql.replace("\\n", "\n"))).isEqualTo(mayWrite);
    }

    @Test
    void aStatementWithoutSqlMayWrite() {
        assertThat(GroupCommitDataSource.mayWrite(null)).isTrue();
    }

    @Test
    void aWriteOnItsOwnAndATransactionsCommitEachWaitForAChunkAndReadsDoNot(@TempDir Path directory) {
        try (Database database = Database.open(DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + directory.resolve("shoudan"))))) {
            H2GroupCommit group = database.embedded().orElseThrow().groupCommit().orElseThrow();
            AuditLog audit = new AuditLog(database, Clock.systemUTC());

            long before = group.chunksWritten();
            audit.append(Operator.SYSTEM, new AuditAction("TEST.WRITTEN"), new AuditSubject("test", "alone"), null, null);
            assertThat(group.chunksWritten()).as("an insert in auto-commit mode").isEqualTo(before + 1);

            before = group.chunksWritten();
            database.dsl().fetchCount(AUDIT_LOG);
            database.inTransaction(dsl -> dsl.fetchCount(AUDIT_LOG));
            assertThat(group.chunksWritten()).as("a query, and a transaction that only read").isEqualTo(before);

            before = group.chunksWritten();
            database.inTransactionDo(dsl -> {
                audit.append(Operator.SYSTEM, new AuditAction("TEST.WRITTEN"), new AuditSubject("test", "first"), null, null);
                audit.append(Operator.SYSTEM, new AuditAction("TEST.WRITTEN"), new AuditSubject("test", "second"), null, null);
            });
            assertThat(group.chunksWritten())
                    .as("a transaction of two inserts: one chunk at its commit, none when auto-commit is turned back on")
                    .isEqualTo(before + 1);
            assertThat(database.dsl().fetchCount(AUDIT_LOG)).isEqualTo(3);
        }
    }

    @Test
    void aRolledBackTransactionWritesNothingAndLeavesNoTransactionOpen(@TempDir Path directory) {
        try (Database database = Database.open(DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + directory.resolve("shoudan"))))) {
            H2GroupCommit group = database.embedded().orElseThrow().groupCommit().orElseThrow();
            AuditLog audit = new AuditLog(database, Clock.systemUTC());
            long before = group.chunksWritten();

            assertThatThrownBy(() -> database.inTransactionDo(dsl -> {
                audit.append(Operator.SYSTEM, new AuditAction("TEST.WRITTEN"), new AuditSubject("test", "undone"), null, null);
                throw new IllegalStateException("undo");
            })).hasMessage("undo");

            assertThat(group.chunksWritten()).isEqualTo(before);
            assertThat(group.openTransactions()).isZero();
            assertThat(database.dsl().fetchCount(AUDIT_LOG)).isZero();
        }
    }

    @Test
    void commitsOfConcurrentTransactionsShareChunks(@TempDir Path directory) throws Exception {
        int threads = 8;
        int rounds = 100;
        try (Database database = Database.open(DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + directory.resolve("shoudan"))));
             ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            H2GroupCommit group = database.embedded().orElseThrow().groupCommit().orElseThrow();
            AuditLog audit = new AuditLog(database, Clock.systemUTC());
            CyclicBarrier together = new CyclicBarrier(threads);
            long before = group.chunksWritten();
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String thread = "t" + t;
                writers.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        String subject = thread + "-" + round;
                        database.inTransactionDo(dsl -> {
                            audit.append(Operator.SYSTEM, new AuditAction("TEST.WRITTEN"), new AuditSubject("test", subject), null, null);
                            await(together);
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }

            int commits = threads * rounds;
            assertThat(database.dsl().fetchCount(AUDIT_LOG)).isEqualTo(commits);
            assertThat(group.chunksWritten() - before).as("chunks written for %d commits, %d at a time", commits, threads)
                    .isPositive().isLessThan(commits / 2);
            assertThat(group.openTransactions()).isZero();
        }
    }

    @Test
    void aSessionThatTurnsH2sOwnCommitWritingBackOnIsOverruledAtTheNextBorrow(@TempDir Path directory) {
        try (Database database = Database.open(DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + directory.resolve("shoudan"))))) {
            EmbeddedH2 embedded = database.embedded().orElseThrow();
            assertThat(embedded.commitsWrittenByTheGroup()).isTrue();

            // what H2 does for the URL's WRITE_DELAY=0 each time the pool opens a session
            database.dsl().execute("SET WRITE_DELAY 0");
            assertThat(embedded.commitsWrittenByTheGroup()).isFalse();

            database.dsl().fetchCount(AUDIT_LOG);
            assertThat(embedded.commitsWrittenByTheGroup()).isTrue();
        }
    }

    @Test
    void aFileThatOtherProcessesMayOpenThroughThisOneKeepsH2sOwnCommitWriting(@TempDir Path directory) {
        // with AUTO_SERVER=TRUE another process commits through this process's H2, past the store's connections
        try (Database database = Database.open(DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + directory.resolve("shoudan") + ";AUTO_SERVER=TRUE")))) {
            EmbeddedH2 embedded = database.embedded().orElseThrow();

            assertThat(embedded.groupCommit()).isEmpty();
            database.dsl().fetchCount(AUDIT_LOG);
            assertThat(embedded.commitsWrittenByTheGroup()).isFalse();
            assertThat(database.housekeeping()).isPresent();
        }
    }

    @Test
    void aWriteOnAnInterruptedThreadLeavesTheFileWritable(@TempDir Path directory) throws Exception {
        // An interrupt inside a FileChannel call closes the channel for every user of the file.
        try (Database database = Database.open(DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + directory.resolve("shoudan"))))) {
            AuditLog audit = new AuditLog(database, Clock.systemUTC());
            Thread interrupted = Thread.ofPlatform().start(() -> {
                Thread.currentThread().interrupt();
                audit.append(Operator.SYSTEM, new AuditAction("TEST.WRITTEN"), new AuditSubject("test", "interrupted"), null, null);
            });
            interrupted.join();

            audit.append(Operator.SYSTEM, new AuditAction("TEST.WRITTEN"), new AuditSubject("test", "after"), null, null);
            assertThat(database.dsl().fetchCount(AUDIT_LOG)).isEqualTo(2);
        }
    }

    @Test
    void aCommitAfterTheStoreClosedIsAnErrorNotADurableAnswer(@TempDir Path directory) {
        MVStore store = MVStore.open(directory.resolve("closed.mv.db").toString());
        store.openMap("rows").put("a", "b");
        store.close();

        H2GroupCommit group = new H2GroupCommit(store);

        assertThatThrownBy(() -> group.awaitWritten(false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed before this commit was written");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
