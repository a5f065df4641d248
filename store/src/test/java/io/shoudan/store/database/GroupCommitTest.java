package io.shoudan.store.database;

import io.shoudan.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Writes that arrive together share one PostgreSQL transaction, yet each keeps its own outcome: its
 * own update counts, its own error, and nothing applied twice. One lane here, so that which units
 * share a group is certain: while the lane's group waits for a table lock, the rest queue behind it.
 */
class GroupCommitTest {

    private static final String INSERT = "INSERT INTO group_probe (id, note) VALUES (?, ?) ON CONFLICT DO NOTHING";
    private static final String BUMP = "UPDATE group_probe SET bumps = bumps + 1 WHERE id = ?";
    private static final String INSERT_STRICT = "INSERT INTO group_probe (id, note) VALUES (?, ?)";

    private TestDatabase.FreshDatabase fresh;
    private Database database;
    private GroupCommit groupCommit;
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void open() {
        fresh = TestDatabase.POSTGRESQL.open();
        database = fresh.database();
        database.dsl().execute("CREATE TABLE group_probe (id INTEGER PRIMARY KEY, note VARCHAR(16), bumps INTEGER NOT NULL DEFAULT 0)");
        groupCommit = new GroupCommit(database.dataSource(), 1);
    }

    @AfterEach
    void close() throws Exception {
        groupCommit.close();
        callers.shutdownNow();
        fresh.close();
    }

    @Test
    void eachUnitGetsItsOwnUpdateCountsAndSeesItsOwnEarlierStatements() throws SQLException {
        assertThat(groupCommit.run("m1", insertAndBump(1))).containsExactly(1, 1);
        assertThat(groupCommit.run("m1", insertAndBump(1))).containsExactly(0, 1);

        assertThat(bumps(1)).isEqualTo(2);
        assertThat(groupCommit.groups()).isEqualTo(2);
    }

    @Test
    void unitsWaitingTogetherShareOneTransaction() throws Exception {
        List<CompletableFuture<int[]>> results = new ArrayList<>();
        try (TableLock lock = new TableLock()) {
            results.add(submit("m0", insertAndBump(100)));
            lock.awaitWaiter();
            for (int id = 1; id <= 21; id++) {
                results.add(submit("m" + (id % 5), insertAndBump(id)));
            }
            awaitQueued(21);
        }
        for (CompletableFuture<int[]> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).containsExactly(1, 1);
        }

        assertThat(database.dsl().fetchCount(database.dsl().selectFrom("group_probe"))).isEqualTo(22);
        assertThat(groupCommit.units()).isEqualTo(22);
        assertThat(groupCommit.groups()).as("the waiting unit's group, then one for the 21 queued behind it").isEqualTo(2);
    }

    @Test
    void aFailingUnitFailsAloneAndTheOthersInItsGroupCommitOnce() throws Exception {
        database.dsl().execute("INSERT INTO group_probe (id, note) VALUES (2, 'taken')");
        CompletableFuture<int[]> first;
        CompletableFuture<int[]> clash;
        CompletableFuture<int[]> third;
        try (TableLock lock = new TableLock()) {
            submit("m0", insertAndBump(100));
            lock.awaitWaiter();
            first = submit("m1", insertAndBump(1));
            clash = submit("m2", new SqlBatch().add(BUMP, 2).add(INSERT_STRICT, 2, "clash"));
            third = submit("m3", insertAndBump(3));
            awaitQueued(3);
        }

        assertThat(first.get(30, TimeUnit.SECONDS)).containsExactly(1, 1);
        assertThat(third.get(30, TimeUnit.SECONDS)).containsExactly(1, 1);
        assertThatThrownBy(() -> clash.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
        assertThat(bumps(2)).as("the failing unit's own first statement is undone").isZero();
        assertThat(bumps(1) + bumps(3) + bumps(100)).as("the others applied once, not again when run alone").isEqualTo(3);
        assertThat(groupCommit.groups()).isEqualTo(2);
    }

    @Test
    void unitsRunInTheOrderOfTheirLockKey() throws Exception {
        try (TableLock lock = new TableLock()) {
            submit("m0", insertAndBump(100));
            lock.awaitWaiter();
            // the unit keyed "b" bumps a row only the unit keyed "a" creates: it sees it only if "a" runs first
            submit("b", new SqlBatch().add(BUMP, 7));
            submit("a", new SqlBatch().add(INSERT, 7, "seven"));
            awaitQueued(2);
        }
        awaitTrue(() -> groupCommit.units() == 3 && groupCommit.waiting() == 0 && bumpsOrMinusOne(7) == 1);
    }

    @Test
    void closingFinishesTheSubmittedUnitsAndRefusesNewOnes() throws Exception {
        List<CompletableFuture<int[]>> results = new ArrayList<>();
        CompletableFuture<Void> closing;
        try (TableLock lock = new TableLock()) {
            results.add(submit("m0", insertAndBump(100)));
            lock.awaitWaiter();
            for (int id = 1; id <= 5; id++) {
                results.add(submit("m" + id, insertAndBump(id)));
            }
            awaitQueued(5);
            closing = CompletableFuture.runAsync(groupCommit::close);
        }
        closing.get(30, TimeUnit.SECONDS);

        for (CompletableFuture<int[]> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).containsExactly(1, 1);
        }
        assertThatThrownBy(() -> groupCommit.run("m1", insertAndBump(9))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyACallerOutsideATransactionOfItsOwnIsOfferedTheSharedCommit() throws Exception {
        assertThat(database.groupCommit()).isPresent();
        Optional<GroupCommit> inside = database.inTransaction(tx -> database.groupCommit());
        assertThat(inside).isEmpty();
        try (TestDatabase.FreshDatabase h2 = TestDatabase.H2.open()) {
            assertThat(h2.database().groupCommit()).as("H2 has no flush to share").isEmpty();
        }
    }

    private static SqlBatch insertAndBump(int id) {
        return new SqlBatch().add(INSERT, id, "n" + id).add(BUMP, id);
    }

    private CompletableFuture<int[]> submit(String lockKey, SqlBatch unit) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return groupCommit.run(lockKey, unit);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, callers);
    }

    private int bumps(int id) {
        return ((Number) database.dsl().fetchValue("SELECT bumps FROM group_probe WHERE id = " + id)).intValue();
    }

    private int bumpsOrMinusOne(int id) {
        Object bumps = database.dsl().fetchValue("SELECT MAX(bumps) FROM group_probe WHERE id = " + id);
        return bumps == null ? -1 : ((Number) bumps).intValue();
    }

    private void awaitQueued(int units) {
        awaitTrue(() -> groupCommit.waiting() == units);
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Holds an exclusive lock on the probe table from another connection until closed (rolled back). */
    private final class TableLock implements AutoCloseable {

        private final Connection connection;

        TableLock() throws SQLException {
            connection = database.dataSource().getConnection();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LOCK TABLE group_probe IN EXCLUSIVE MODE");
            }
        }

        /** Waits until a session waits for the lock: the lane is inside its group. */
        void awaitWaiter() {
            awaitTrue(() -> ((Number) database.dsl().fetchValue("SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                    + "WHERE c.relname = 'group_probe' AND NOT l.granted")).intValue() >= 1);
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }
}
