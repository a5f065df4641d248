package io.shoudan.server.serve;

import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh schema in the PostgreSQL of the development machines (127.0.0.1:5432, database {@code test}, trust auth;
 * {@code SHOUDAN_TEST_PG_URL} / {@code SHOUDAN_TEST_PG_USER} / {@code SHOUDAN_TEST_PG_PASSWORD} point elsewhere),
 * dropped on close: one store that several nodes of a test share, as a cluster does.
 */
final class PostgresSchema implements AutoCloseable {

    private final String url = System.getenv().getOrDefault("SHOUDAN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private final String user = System.getenv().getOrDefault("SHOUDAN_TEST_PG_USER", "postgres");
    private final String password = System.getenv("SHOUDAN_TEST_PG_PASSWORD");
    private final String name = "shoudan_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    DatabaseConfig config() {
        return DatabaseConfig.of(new JdbcUrl(url)).withCredentials(user, password).withSchema(name).withPoolSize(4);
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
