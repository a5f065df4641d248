package io.shoudan.store.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit on PostgreSQL: writes submitted by concurrent callers at about the same moment share one
 * transaction, so one WAL flush makes all of them durable instead of one flush each. A flush is what a
 * durable write waits for, and on a virtual disk a thousand flushes a second is what makes it stall for
 * tens of milliseconds (docs/BENCHMARKS.md, "Durable sales"); grouping writes turns a thousand small
 * flushes into a few hundred.
 *
 * <p>Each write is a <em>unit</em> — a {@link SqlBatch} of statements that never fail on the data they
 * meet ({@code ON CONFLICT DO NOTHING}, guarded {@code WHERE EXISTS}, versioned updates) and tell their
 * outcome by update counts. A few lanes (threads, each borrowing a pooled connection per group) take
 * every unit waiting, up to {@link #MAX_UNITS}, and run them in one transaction: the units' first
 * statements, grouped by SQL text, one pipelined JDBC batch per text; then their second statements, and
 * so on — so each unit still sees its own earlier statements — and one commit. A lane that finds one
 * unit waiting runs it alone at once, as one round trip that is its own transaction ({@link SqlBatch}):
 * grouping adds no wait and no round trip when there is nothing to group.
 *
 * <p>Units run in the order of their lock key (the merchant), so two lanes take the rows they share
 * (a merchant's usage of the day) in the same order and cannot deadlock each other. When a group fails
 * (a statement error, a deadlock with other work), it is rolled back and each of its units runs alone in
 * its own transaction, so one unit's error is only its own and nothing is applied twice. When the
 * commit's outcome is unknown (the connection broke), every unit of the group is told so, as a caller
 * committing alone would be.
 *
 * <p>A caller inside a transaction of its own must not use this (its unit would commit apart from it).
 */
public final class GroupCommit implements AutoCloseable {

    /** At most this many units share a transaction: a bigger group keeps its first unit waiting longer. */
    static final int MAX_UNITS = 32;

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final Unit STOP = new Unit("", new SqlBatch(), new CompletableFuture<>());

    private final DataSource dataSource;
    private final BlockingQueue<Unit> queue = new LinkedBlockingQueue<>();
    private final List<Thread> lanes = new ArrayList<>();
    private final AtomicLong units = new AtomicLong();
    private final AtomicLong groups = new AtomicLong();
    private volatile boolean closed;

    /** Starts {@code lanes} lane threads writing through {@code dataSource}. */
    public GroupCommit(DataSource dataSource, int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1, not " + lanes);
        }
        this.dataSource = dataSource;
        for (int i = 0; i < lanes; i++) {
            Thread lane = Thread.ofPlatform().daemon().name("shoudan-group-commit-" + i).unstarted(this::runLane);
            this.lanes.add(lane);
            lane.start();
        }
    }

    /**
     * Commits {@code statements} with whatever other units are waiting and returns each statement's
     * update count, in order. Waits (not interruptibly: the caller must learn the outcome) until the
     * transaction holding them has committed.
     *
     * @param lockKey orders units within a group (the merchant whose rows they lock)
     * @throws SQLException the unit's own failure, or the group's commit failing with an unknown outcome
     */
    public int[] run(String lockKey, SqlBatch statements) throws SQLException {
        if (statements.size() == 0) {
            throw new IllegalArgumentException("a unit needs at least one statement");
        }
        Unit unit = new Unit(lockKey, statements, new CompletableFuture<>());
        if (closed) {
            throw new IllegalStateException("group commit is closed");
        }
        queue.add(unit);
        try {
            return unit.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Units submitted and not yet taken by a lane. */
    int waiting() {
        return queue.size();
    }

    /** Units committed or failed so far. */
    public long units() {
        return units.get();
    }

    /** Transactions the units shared so far (a group that failed and was run unit by unit counts once). */
    public long groups() {
        return groups.get();
    }

    /** Finishes the units already submitted, then stops the lanes. */
    @Override
    public void close() {
        closed = true;
        // one stop mark per lane, queued behind every unit submitted before: each lane ends at its mark
        lanes.forEach(lane -> queue.add(STOP));
        for (Thread lane : lanes) {
            try {
                lane.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Unit left;
        while ((left = queue.poll()) != null) {
            left.result.completeExceptionally(new IllegalStateException("group commit closed before the unit ran"));
        }
    }

    private void runLane() {
        List<Unit> group = new ArrayList<>(MAX_UNITS);
        while (true) {
            Unit first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                LOG.warn("group commit lane {} interrupted; it stops", Thread.currentThread().getName());
                return;
            }
            if (first == STOP) {
                return;
            }
            group.add(first);
            drainUpToStop(group);
            try {
                commit(group);
            } catch (RuntimeException | Error e) {
                group.forEach(unit -> unit.result.completeExceptionally(e));
                LOG.error("group commit lane failed on a group of {} unit(s)", group.size(), e);
            }
            group.clear();
        }
    }

    /** Adds the waiting units to {@code group}, up to {@link #MAX_UNITS}; a stop mark is put back for its lane. */
    private void drainUpToStop(List<Unit> group) {
        Unit next;
        while (group.size() < MAX_UNITS && (next = queue.poll()) != null) {
            if (next == STOP) {
                queue.add(STOP);
                return;
            }
            group.add(next);
        }
    }

    private void commit(List<Unit> group) {
        groups.incrementAndGet();
        units.addAndGet(group.size());
        group.sort(Comparator.comparing(Unit::lockKey));
        try (Connection connection = dataSource.getConnection()) {
            if (group.size() == 1) {
                // alone: its statements in one round trip that is its own implicit transaction (SqlBatch)
                Unit unit = group.getFirst();
                try {
                    unit.result.complete(unit.statements.execute(connection, JdbcUrl.DatabaseKind.POSTGRESQL));
                } catch (SQLException e) {
                    unit.result.completeExceptionally(e);
                }
                return;
            }
            connection.setAutoCommit(false);
            try {
                List<int[]> counts = execute(connection, group);
                connection.commit();
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).result.complete(counts.get(i));
                }
                return;
            } catch (SQLException e) {
                if (!rollback(connection, e, group)) {
                    return;
                }
            }
            // the group failed as a whole and was undone: each unit alone, so an error is only its own
            for (Unit unit : group) {
                try {
                    int[] counts = execute(connection, List.of(unit)).getFirst();
                    connection.commit();
                    unit.result.complete(counts);
                } catch (SQLException e) {
                    if (!rollback(connection, e, List.of(unit))) {
                        group.stream().filter(other -> !other.result.isDone())
                                .forEach(other -> other.result.completeExceptionally(e));
                        return;
                    }
                    unit.result.completeExceptionally(e);
                }
            }
        } catch (SQLException e) {
            // no connection, or it broke at commit: the outcome of what was not completed is unknown
            group.stream().filter(unit -> !unit.result.isDone()).forEach(unit -> unit.result.completeExceptionally(e));
        }
    }

    /** Rolls back after {@code cause}; false (the units told) when the connection cannot even do that. */
    private static boolean rollback(Connection connection, SQLException cause, List<Unit> units) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException e) {
            cause.addSuppressed(e);
            units.forEach(unit -> unit.result.completeExceptionally(cause));
            return false;
        }
    }

    /**
     * Runs the units' statements step by step — every unit's first, then every unit's second … — and
     * within a step one pipelined JDBC batch per SQL text; returns each unit's update counts.
     */
    private static List<int[]> execute(Connection connection, List<Unit> group) throws SQLException {
        List<int[]> counts = new ArrayList<>(group.size());
        int steps = 0;
        for (Unit unit : group) {
            counts.add(new int[unit.statements.size()]);
            steps = Math.max(steps, unit.statements.size());
        }
        for (int step = 0; step < steps; step++) {
            Map<String, List<Integer>> byText = new LinkedHashMap<>();
            for (int u = 0; u < group.size(); u++) {
                SqlBatch statements = group.get(u).statements;
                if (step < statements.size()) {
                    byText.computeIfAbsent(statements.sql(step), sql -> new ArrayList<>()).add(u);
                }
            }
            for (Map.Entry<String, List<Integer>> text : byText.entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement(text.getKey())) {
                    for (int u : text.getValue()) {
                        group.get(u).statements.bind(step, statement);
                        statement.addBatch();
                    }
                    int[] stepCounts = statement.executeBatch();
                    for (int i = 0; i < stepCounts.length; i++) {
                        counts.get(text.getValue().get(i))[step] = stepCounts[i];
                    }
                }
            }
        }
        return counts;
    }

    private record Unit(String lockKey, SqlBatch statements, CompletableFuture<int[]> result) {
    }
}
