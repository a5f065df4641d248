package io.shoudan.store.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Statements with bind values, written together: on PostgreSQL as one multi-statement prepared
 * statement, so the whole group costs one round trip and each statement is still prepared once per
 * connection (the driver keeps server-side prepared statements by SQL text); on embedded H2, where
 * there is no round trip to save, one statement at a time. Outside a transaction (auto-commit) the
 * PostgreSQL group runs in one implicit transaction, ended by the single Sync the driver sends after
 * it: all of it commits or none of it does.
 *
 * <p>The SQL texts are the callers' constants, never built from values, so the driver's statement
 * cache sees a handful of distinct texts.
 */
public final class SqlBatch {

    private final List<String> statements = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private final List<Integer> valueCounts = new ArrayList<>();

    /** Appends a statement; {@code values} bind its {@code ?} in order ({@link SqlValue} types). */
    public SqlBatch add(String sql, List<?> values) {
        statements.add(sql);
        this.values.addAll(values);
        valueCounts.add(values.size());
        return this;
    }

    public SqlBatch add(String sql, Object... values) {
        return add(sql, Arrays.asList(values));
    }

    public int size() {
        return statements.size();
    }

    /** Runs every statement on {@code connection}; returns each one's update count, in order. */
    public int[] execute(Connection connection, JdbcUrl.DatabaseKind kind) throws SQLException {
        return kind == JdbcUrl.DatabaseKind.POSTGRESQL ? executeAsOne(connection) : executeOneByOne(connection);
    }

    private int[] executeAsOne(Connection connection) throws SQLException {
        int[] counts = new int[statements.size()];
        try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", statements))) {
            for (int i = 0; i < values.size(); i++) {
                SqlValue.bind(statement, i + 1, values.get(i));
            }
            boolean resultSet = statement.execute();
            int next = 0;
            while (true) {
                if (!resultSet) {
                    int count = statement.getUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    counts[next++] = count;
                }
                resultSet = statement.getMoreResults();
            }
            if (next != counts.length) {
                throw new IllegalStateException("a batch of " + counts.length + " statements reported " + next + " update counts");
            }
        }
        return counts;
    }

    private int[] executeOneByOne(Connection connection) throws SQLException {
        int[] counts = new int[statements.size()];
        int offset = 0;
        for (int s = 0; s < statements.size(); s++) {
            try (PreparedStatement statement = connection.prepareStatement(statements.get(s))) {
                int count = valueCounts.get(s);
                for (int i = 0; i < count; i++) {
                    SqlValue.bind(statement, i + 1, values.get(offset + i));
                }
                offset += count;
                counts[s] = statement.executeUpdate();
            }
        }
        return counts;
    }
}
