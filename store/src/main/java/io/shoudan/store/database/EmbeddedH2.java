package io.shoudan.store.database;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * What the store runs beside an H2 file it opened in this process: {@link H2GroupCommit} behind every connection it
 * hands out, and {@link H2Housekeeping}.
 *
 * <p>The URL keeps {@code WRITE_DELAY=0} ({@link JdbcUrl}), H2's own durable mode, for any session that opens the file
 * without this: the schema migrations run with it, and H2 applies it again to the whole database each time the pool
 * opens a session. Group commit switches H2's commit-time writing off ({@code MVStore.setAutoCommitDelay(-1)}: no
 * write on commit, no background writer) and switches it off again before each connection is handed out, so a
 * session that turned it back on makes commits slower for a moment, never less durable.
 *
 * <p>A file opened with {@code AUTO_SERVER=TRUE} keeps H2's own mode: other processes then commit through this
 * process's H2 without passing through the store's connections, and with group commit nothing would write their
 * commits before they return.
 */
final class EmbeddedH2 implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedH2.class);
    /** {@link MVStore#setAutoCommitDelay}: no write when a transaction commits and no background writer. */
    private static final int COMMITS_WRITTEN_BY_THE_GROUP = -1;

    private final MVStore store;
    private final H2GroupCommit groupCommit;
    private final H2Housekeeping housekeeping;
    private final DataSource dataSource;

    private EmbeddedH2(MVStore store, DataSource pool, Duration housekeepingEvery, boolean groupCommit) {
        this.store = store;
        this.groupCommit = groupCommit ? new H2GroupCommit(store) : null;
        this.housekeeping = new H2Housekeeping(store, housekeepingEvery);
        if (groupCommit) {
            useGroupCommit();
            this.dataSource = new GroupCommitDataSource(pool, this.groupCommit, this::useGroupCommit);
        } else {
            this.dataSource = pool;
        }
    }

    /**
     * Attaches to the file behind {@code pool} when H2 runs it in this process; an H2 server's database
     * ({@code jdbc:h2:tcp:}) is the server's to write and keep, so it gets neither.
     *
     * @param groupCommit false when other processes may commit through this process's H2 ({@code AUTO_SERVER})
     */
    static Optional<EmbeddedH2> attach(DataSource pool, Duration housekeepingEvery, boolean groupCommit) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                LOG.warn("H2 runs in another process: its file is not kept here / H2 在其他进程中运行，本进程不整理其文件");
                return Optional.empty();
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            return store.getFileStore() == null ? Optional.empty() : Optional.of(new EmbeddedH2(store, pool, housekeepingEvery, groupCommit));
        }
    }

    private void useGroupCommit() {
        if (store.getAutoCommitDelay() != COMMITS_WRITTEN_BY_THE_GROUP && !store.isClosed()) {
            store.setAutoCommitDelay(COMMITS_WRITTEN_BY_THE_GROUP);
        }
    }

    /** The pool's connections, each commit returning once it is in the file (the pool itself without group commit). */
    DataSource dataSource() {
        return dataSource;
    }

    H2Housekeeping housekeeping() {
        return housekeeping;
    }

    Optional<H2GroupCommit> groupCommit() {
        return Optional.ofNullable(groupCommit);
    }

    /** Whether H2 leaves the writing of commits to the group (false for a moment after H2 opened a session). */
    boolean commitsWrittenByTheGroup() {
        return store.getAutoCommitDelay() == COMMITS_WRITTEN_BY_THE_GROUP;
    }

    @Override
    public void close() {
        housekeeping.close();
    }
}
