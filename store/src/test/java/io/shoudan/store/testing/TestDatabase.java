package io.shoudan.store.testing;

import io.shoudan.store.database.Database;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The two databases every repository test runs on, each time fresh: a new in-memory H2, or a new
 * randomly named schema in the PostgreSQL at 127.0.0.1:5432 (database {@code test}), dropped after.
 *
 * <p>PostgreSQL is not optional: when it cannot be reached the tests fail and say how to fix it.
 * {@code SHOUDAN_TEST_PG_URL} and {@code SHOUDAN_TEST_PG_USER} / {@code SHOUDAN_TEST_PG_PASSWORD}
 * point them elsewhere; without a user, {@code postgres} and then the OS user are tried.
 */
public enum TestDatabase {
    H2 {
        @Override
        public FreshDatabase open() {
            return new FreshDatabase(Database.open(DatabaseConfig.of(JdbcUrl.inMemory("store-test-" + UUID.randomUUID()))), () -> { });
        }
    },
    POSTGRESQL {
        @Override
        public FreshDatabase open() {
            String url = System.getenv().getOrDefault("SHOUDAN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            String password = System.getenv("SHOUDAN_TEST_PG_PASSWORD");
            String user = reachableUser(url, password);
            String schema = "shoudan_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            Database database = Database.open(DatabaseConfig.of(new JdbcUrl(url)).withCredentials(user, password)
                    .withSchema(schema).withPoolSize(4));
            return new FreshDatabase(database, () -> {
                try (Connection connection = DriverManager.getConnection(url, user, password);
                     Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            });
        }
    };

    public abstract FreshDatabase open();

    private static String reachableUser(String url, String password) {
        Set<String> candidates = new LinkedHashSet<>();
        String configured = System.getenv("SHOUDAN_TEST_PG_USER");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        } else {
            candidates.add("postgres");
            candidates.add(System.getProperty("user.name"));
        }
        List<String> failures = new ArrayList<>();
        for (String user : candidates) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                return user;
            } catch (SQLException e) {
                failures.add(user + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException("The store tests need PostgreSQL at " + url + " and could not connect "
                + failures + ". Start PostgreSQL (CI starts it before the build; locally e.g. `service postgresql start`), "
                + "make database `test` reachable with trust auth, or point SHOUDAN_TEST_PG_URL / SHOUDAN_TEST_PG_USER at one.");
    }

    /** A database of its own for one test; closing it throws the database away. */
    public static final class FreshDatabase implements AutoCloseable {
        private final Database database;
        private final Cleanup cleanup;

        FreshDatabase(Database database, Cleanup cleanup) {
            this.database = database;
            this.cleanup = cleanup;
        }

        public Database database() {
            return database;
        }

        @Override
        public void close() throws SQLException {
            database.close();
            cleanup.run();
        }
    }

    @FunctionalInterface
    interface Cleanup {
        void run() throws SQLException;
    }
}
