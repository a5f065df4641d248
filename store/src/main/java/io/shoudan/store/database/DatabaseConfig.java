package io.shoudan.store.database;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach the store.
 *
 * @param user      {@code null}: the driver's default (H2: {@code sa}; PostgreSQL: the OS user)
 * @param password  {@code null}: none
 * @param schema    {@code null}: the database's default schema; otherwise the schema is created if
 *                  missing, migrated and used for every connection (tests use a fresh one per run);
 *                  PostgreSQL only
 * @param poolSize  connections in the pool
 */
public record DatabaseConfig(JdbcUrl url, String user, String password, String schema, int poolSize) {

    public static final String URL_VARIABLE = "SHOUDAN_DB_URL";
    public static final String USER_VARIABLE = "SHOUDAN_DB_USER";
    public static final String PASSWORD_VARIABLE = "SHOUDAN_DB_PASSWORD";
    public static final int DEFAULT_POOL_SIZE = 8;

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public DatabaseConfig {
        if (url == null) {
            throw new IllegalArgumentException("a database config needs a JDBC URL");
        }
        if (schema != null && !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("\"" + schema + "\" is not a schema name (lower-case letters, digits, '_')");
        }
        if (schema != null && url.kind() != JdbcUrl.DatabaseKind.POSTGRESQL) {
            throw new IllegalArgumentException("a schema applies to PostgreSQL only; an embedded H2 store is one file (or memory) of its own");
        }
        if (poolSize < 1 || poolSize > 200) {
            throw new IllegalArgumentException("poolSize must be 1..200, got " + poolSize);
        }
    }

    public static DatabaseConfig of(JdbcUrl url) {
        return new DatabaseConfig(url, null, null, null, DEFAULT_POOL_SIZE);
    }

    public DatabaseConfig withCredentials(String newUser, String newPassword) {
        return new DatabaseConfig(url, newUser, newPassword, schema, poolSize);
    }

    public DatabaseConfig withSchema(String newSchema) {
        return new DatabaseConfig(url, user, password, newSchema, poolSize);
    }

    public DatabaseConfig withPoolSize(int newPoolSize) {
        return new DatabaseConfig(url, user, password, schema, newPoolSize);
    }

    /**
     * The configuration the CLI runs with: {@code --db URL} when given, else {@code SHOUDAN_DB_URL},
     * else the embedded H2 file {@code ./data/shoudan}. User and password come from
     * {@code SHOUDAN_DB_USER} / {@code SHOUDAN_DB_PASSWORD} (or the URL itself).
     *
     * @throws IllegalArgumentException when the URL given is not one the store can open; the message starts with
     *                                  where it came from ({@code --db} or {@code SHOUDAN_DB_URL})
     */
    public static DatabaseConfig resolve(Optional<String> dbOption, Map<String, String> environment) {
        String fromOption = dbOption.map(DatabaseConfig::blankToNull).orElse(null);
        String fromEnvironment = blankToNull(environment.get(URL_VARIABLE));
        JdbcUrl url = fromOption != null ? url("--db", fromOption)
                : fromEnvironment != null ? url(URL_VARIABLE, fromEnvironment)
                : JdbcUrl.DEFAULT_EMBEDDED;
        return of(url).withCredentials(blankToNull(environment.get(USER_VARIABLE)), blankToNull(environment.get(PASSWORD_VARIABLE)));
    }

    private static JdbcUrl url(String source, String value) {
        try {
            return new JdbcUrl(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", schema=" + schema + ", poolSize=" + poolSize + "]";
    }
}
