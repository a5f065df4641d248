package io.shoudan.store.database;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The embedded H2 file's connections, each write made durable through {@link H2GroupCommit}: {@code commit()} (and
 * {@code setAutoCommit(true)}, which commits) returns once the commit is in the file, and so does a statement that
 * may write while the connection commits each statement on its own (auto-commit). Queries return at once, and a
 * transaction that only read commits without waiting.
 *
 * <p>Every connection the store hands out after it opened comes from here — jOOQ's, and so every repository's and
 * the raw JDBC they run through {@code connectionResult} — so no path can answer before its write is in the file. The
 * schema migrations run before, on the pool itself, with H2's own {@code WRITE_DELAY=0}.
 */
final class GroupCommitDataSource implements DataSource {

    private final DataSource pool;
    private final H2GroupCommit groupCommit;
    private final Runnable beforeBorrow;

    /**
     * @param beforeBorrow run before each connection is handed out (the store re-asserts its commit mode: a session H2
     *                     opens applies the URL's {@code WRITE_DELAY=0} to the whole database)
     */
    GroupCommitDataSource(DataSource pool, H2GroupCommit groupCommit, Runnable beforeBorrow) {
        this.pool = pool;
        this.groupCommit = groupCommit;
        this.beforeBorrow = beforeBorrow;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return borrowed(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return borrowed(pool.getConnection(username, password));
    }

    private Connection borrowed(Connection connection) {
        beforeBorrow.run();
        Committing handler = new Committing(connection);
        handler.self = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, handler);
        return handler.self;
    }

    /**
     * A connection: its transaction counts as open from its first statement to its commit, rollback or close, and
     * only a commit that ends such a transaction waits for the file (one after {@code commit()}, as jOOQ's
     * {@code setAutoCommit(true)} is, has nothing left to write).
     */
    private final class Committing implements InvocationHandler {

        private final Connection connection;
        private Connection self;
        private boolean inTransaction;

        Committing(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "commit", "setAutoCommit" -> {
                    call(method, args);
                    if (inTransaction && (args == null || (Boolean) args[0])) {
                        inTransaction = false;
                        groupCommit.awaitWritten(true);
                    }
                    return null;
                }
                case "rollback", "close" -> {
                    try {
                        return call(method, args);
                    } finally {
                        if (args == null && inTransaction) {
                            inTransaction = false;
                            groupCommit.ended();
                        }
                    }
                }
                case "createStatement", "prepareStatement", "prepareCall" -> {
                    Statement statement = (Statement) call(method, args);
                    return switch (method.getName()) {
                        case "prepareStatement" -> statement(PreparedStatement.class, statement, mayWrite((String) args[0]));
                        case "prepareCall" -> statement(CallableStatement.class, statement, true);
                        default -> statement(Statement.class, statement, null);
                    };
                }
                default -> {
                    return call(method, args);
                }
            }
        }

        private Object call(Method method, Object[] args) throws Throwable {
            return GroupCommitDataSource.invoke(connection, method, args);
        }

        private Object statement(Class<? extends Statement> type, Statement statement, Boolean mayWrite) {
            return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[]{type}, new Executing(statement, this, mayWrite));
        }

        /** Runs a statement that may write: in a transaction it opens the transaction, on its own it is its own commit. */
        Object executeWriting(Statement statement, Method method, Object[] args) throws Throwable {
            if (connection.getAutoCommit()) {
                Object result = GroupCommitDataSource.invoke(statement, method, args);
                groupCommit.awaitWritten(false);
                return result;
            }
            if (!inTransaction) {
                inTransaction = true;
                groupCommit.began();
            }
            return GroupCommitDataSource.invoke(statement, method, args);
        }
    }

    /**
     * A statement: one that may write returns, in auto-commit mode, once its change is in the file. Whether it may
     * write is read from its SQL ({@link #mayWrite}); a batch of a plain statement, or a call, may.
     */
    private static final class Executing implements InvocationHandler {

        private final Statement statement;
        private final Committing connection;
        /** Whether the prepared SQL may write; null for a plain statement, whose SQL comes with each execution. */
        private final Boolean preparedMayWrite;

        Executing(Statement statement, Committing connection, Boolean preparedMayWrite) {
            this.statement = statement;
            this.connection = connection;
            this.preparedMayWrite = preparedMayWrite;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("getConnection")) {
                return connection.self;
            }
            if (!name.startsWith("execute")) {
                return GroupCommitDataSource.invoke(statement, method, args);
            }
            boolean mayWrite = args != null && args.length > 0 && args[0] instanceof String sql ? mayWrite(sql)
                    : preparedMayWrite == null || preparedMayWrite;
            return mayWrite ? connection.executeWriting(statement, method, args) : GroupCommitDataSource.invoke(statement, method, args);
        }
    }

    private static final Pattern READS = Pattern.compile("\\s*(?:/\\*.*?\\*/\\s*|--[^\\n]*\\n\\s*)*[(\\s]*(?:SELECT|VALUES|TABLE|WITH|EXPLAIN|SHOW)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Words that make a query write: a data-change table ({@code FROM FINAL TABLE (INSERT …)}), a sequence's next value, a lock. */
    private static final Pattern WRITING_WORDS = Pattern.compile("\\b(?:INSERT|UPDATE|DELETE|MERGE|UPSERT|TRUNCATE|NEXTVAL|SETVAL|NEXT\\s+VALUE|CALL)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * Whether a statement may change the database: everything but a query ({@code SELECT}, {@code VALUES},
     * {@code TABLE}, {@code WITH}, {@code EXPLAIN}, {@code SHOW}) that names no writing word anywhere in its text — a
     * query that inserts through a data-change table, takes a sequence's next value or locks rows for update is a
     * write. A word inside a string literal counts too: the mistake costs a wait, never a lost write.
     */
    static boolean mayWrite(String sql) {
        return sql == null || !READS.matcher(sql).lookingAt() || WRITING_WORDS.matcher(sql).find();
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    // ---------------------------------------------------------------- DataSource, delegated

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }
}
