package io.shoudan.store.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.api.ErrorCode;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The store's connection to its database: a HikariCP pool, the schema migrated by Flyway when it
 * opens, and a jOOQ {@link DSLContext} in the dialect of the database.
 *
 * <p>Transactions are bound to the calling thread ({@link ThreadLocalTransactionProvider}): inside
 * {@link #inTransaction}, every repository call made by the same thread joins the transaction, so
 * a service can compose several repositories into one atomic unit without passing connections
 * around. A nested {@code inTransaction} becomes a savepoint.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String MIGRATIONS = "classpath:db/migration";
    /**
     * How often an embedded file's housekeeping runs. A round forces the file and rewrites up to
     * {@link H2Housekeeping#WRITE_LIMIT_BYTES}; four small rounds a second stall the sales less than one large one
     * (p99 at 725 H2 sales/s: 29.5 and 37.0 ms against 53.1 and 61.0 ms; docs/BENCHMARKS.md, "Session 11").
     */
    private static final Duration HOUSEKEEPING_EVERY = Duration.ofMillis(250);

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final int migrationsApplied;
    private final EmbeddedH2 embedded;

    private Database(DatabaseConfig config, HikariDataSource dataSource, DSLContext dsl, int migrationsApplied,
                     EmbeddedH2 embedded) {
        this.config = config;
        this.dataSource = dataSource;
        this.dsl = dsl;
        this.migrationsApplied = migrationsApplied;
        this.embedded = embedded;
    }

    /**
     * Connects, migrates the schema to the newest version and returns the ready store.
     *
     * @throws IllegalStateException when the database cannot be reached or migrated, naming the URL
     */
    public static Database open(DatabaseConfig config) {
        config.url().h2File().ifPresent(file -> requireWritable(config, file));
        HikariDataSource dataSource = connect(config, false);
        try {
            MigrateResult result = flyway(config, dataSource, true).migrate();
            LOG.info("store {} migrated: {} migration(s) applied, schema version {}", config.url(),
                    result.migrationsExecuted, result.targetSchemaVersion);
            EmbeddedH2 embedded = config.url().kind() == JdbcUrl.DatabaseKind.H2 && !config.url().isInMemory()
                    ? EmbeddedH2.attach(dataSource, HOUSEKEEPING_EVERY, !config.url().servesOtherProcesses()).orElse(null) : null;
            DataSource connections = embedded == null ? dataSource : embedded.dataSource();
            return new Database(config, dataSource, jooq(config, connections), result.migrationsExecuted, embedded);
        } catch (RuntimeException | SQLException e) {
            dataSource.close();
            throw new IllegalStateException("cannot migrate the store at " + config.url() + ": " + rootMessage(e)
                    + " / 数据库迁移失败 " + config.url(), e);
        }
    }

    /**
     * Opens a store that already exists at the schema version of this code, for the commands that only read it
     * ({@code diagnose}, {@code ledger check}): nothing is created or migrated, an embedded file that is missing is not
     * made, its connections are read-only and the file is left as it is (no group commit, no housekeeping).
     *
     * @throws IllegalStateException on one line naming the URL: a store that cannot be reached, an embedded file that
     *                               does not exist or that another process holds, a database that holds no Shoudan
     *                               store, one that needs migrations first (run {@code serve}) or one newer than this code
     */
    public static Database openExisting(DatabaseConfig config) {
        DatabaseConfig existing = new DatabaseConfig(config.url().existingOnly(), config.user(), config.password(), config.schema(),
                config.poolSize());
        HikariDataSource dataSource = connect(existing, true);
        try {
            requireCurrent(config, flyway(existing, dataSource, false).info());
            return new Database(config, dataSource, jooq(config, dataSource), 0, null);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * An embedded file this process cannot write is refused before H2 sees it: H2 would open it read-only (and the
     * first write fail far from here) or, unable to create it, print its trace file's errors on the console.
     */
    private static void requireWritable(DatabaseConfig config, String file) {
        if (file.matches("(?s)[A-Za-z][A-Za-z0-9]+:.*") && !file.matches("(?s)[A-Za-z]:[\\\\/].*")) {
            return; // another H2 file system (split:, memFS:, …): not a path of this disk
        }
        Path path = Path.of(file.startsWith("~") ? System.getProperty("user.home") + file.substring(1) : file).toAbsolutePath();
        Path folder = path.getParent();
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        boolean fileWritable = !Files.exists(path) || Files.isWritable(path);
        boolean folderWritable = folder != null && Files.isDirectory(folder) && Files.isWritable(folder);
        if (!fileWritable || !folderWritable) {
            throw new IllegalStateException("the store file " + path + " cannot be written (" + (fileWritable
                    ? (folder == null ? "no folder" : folder + " is not a folder this user can write") : "the file is read-only")
                    + "): serve and demo write their store, so the file and its folder must be writable / 数据库文件 " + path + " 不可写（只读文件或不可写的目录）");
        }
    }

    /** The schema history says the store is Shoudan's and current, or why it is not. */
    private static void requireCurrent(DatabaseConfig config, MigrationInfoService history) {
        MigrationInfo current = history.current();
        if (current == null) {
            throw new IllegalStateException(config.url() + (config.schema() == null ? "" : " (schema " + config.schema() + ")")
                    + " holds no Shoudan store (no schema history); read-only commands create nothing:"
                    + " `./shoudan serve --db URL` creates one / 该数据库中没有 Shoudan 数据（无迁移记录）；只读命令不会创建，请先用 serve 创建");
        }
        String version = current.getVersion().getVersion();
        for (MigrationInfo migration : history.all()) {
            if (migration.getState() == MigrationState.FAILED || migration.getState() == MigrationState.FUTURE_FAILED) {
                throw new IllegalStateException("the store at " + config.url() + " has a failed migration (V" + migration.getVersion()
                        + "); run `./shoudan serve` with this --db to see why / 该数据库有一次失败的迁移（V" + migration.getVersion() + "）");
            }
            if (migration.getState().name().startsWith("FUTURE")) {
                throw new IllegalStateException("the store at " + config.url() + " is at schema V" + version
                        + ", newer than this Shoudan knows: use the Shoudan that wrote it / 数据库版本 V" + version
                        + " 比当前程序新，请使用写入它的 Shoudan 版本");
            }
        }
        MigrationInfo[] pending = history.pending();
        if (pending.length > 0) {
            String newest = pending[pending.length - 1].getVersion().getVersion();
            throw new IllegalStateException("the store at " + config.url() + " is at schema V" + version + ", this Shoudan needs V"
                    + newest + ": run `./shoudan serve` on it once to migrate it (read-only commands never change a store)"
                    + " / 数据库版本 V" + version + " 较旧，需要 V" + newest + "：请先用 serve 打开一次以完成迁移（只读命令不会修改数据库）");
        }
    }

    /**
     * The pool, after one plain connection has been tried: a failure that waiting cannot cure (an embedded file that
     * another process holds or that does not exist) is reported at once, where the pool would retry it for seconds.
     *
     * @param failFast a read-only command: any failure of the first connection is reported at once
     */
    private static HikariDataSource connect(DatabaseConfig config, boolean failFast) {
        Connection first = null;
        try {
            first = DriverManager.getConnection(config.url().value(), credentials(config));
        } catch (SQLException e) {
            if (failFast || e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
                    || e.getErrorCode() == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
                throw new IllegalStateException(cannotConnect(config, e), e);
            }
        }
        try {
            HikariConfig hikari = hikari(config);
            hikari.setReadOnly(failFast);
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new IllegalStateException(cannotConnect(config, e), e);
        } finally {
            // Held until the pool is up: an embedded database closed by its last connection would be closed
            // (and compacted) only to be opened again.
            closeQuietly(first);
        }
    }

    private static String cannotConnect(DatabaseConfig config, Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        int code = failure instanceof SQLException sql ? sql.getErrorCode() : root instanceof SQLException sql ? sql.getErrorCode() : 0;
        String file = config.url().h2File().orElse(config.url().toString());
        if (config.url().kind() == JdbcUrl.DatabaseKind.H2 && code == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return "the store " + file + " is open in another process (a running `./shoudan serve`?), and an embedded H2 file opens"
                    + " in one process at a time: stop that process first, or run both with --db '" + "jdbc:h2:file:" + config.url().h2Path().orElseThrow()
                    + ";AUTO_SERVER=TRUE' / 数据库文件 " + file + " 正被另一个进程（如运行中的 serve）使用：请先停止它，"
                    + "或让两者都使用 --db '…;AUTO_SERVER=TRUE'";
        }
        if (config.url().kind() == JdbcUrl.DatabaseKind.H2 && code == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1) {
            return "there is no store at " + file + ": `./shoudan serve` or `./shoudan demo` creates one, or give --db"
                    + " / 该位置没有数据库 " + file + "：请先运行 serve 或 demo 创建，或用 --db 指定";
        }
        return "cannot connect to the store at " + config.url() + ": " + root.getMessage() + " / 无法连接数据库 " + config.url();
    }

    private static Properties credentials(DatabaseConfig config) {
        Properties properties = new Properties();
        if (config.user() != null) {
            properties.setProperty("user", config.user());
        }
        if (config.password() != null) {
            properties.setProperty("password", config.password());
        }
        return properties;
    }

    private static HikariConfig hikari(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url().value());
        if (config.user() != null) {
            hikari.setUsername(config.user());
        }
        if (config.password() != null) {
            hikari.setPassword(config.password());
        }
        if (config.schema() != null) {
            // The schema may not exist before Flyway creates it, so search_path is set per connection
            // rather than through setSchema (which checks that the schema exists).
            hikari.setConnectionInitSql("SET search_path TO " + config.schema());
        }
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(Math.min(2, config.poolSize()));
        hikari.setPoolName("shoudan-store");
        hikari.setConnectionTimeout(10_000);
        hikari.setInitializationFailTimeout(5_000);
        return hikari;
    }

    private static Flyway flyway(DatabaseConfig config, HikariDataSource dataSource, boolean createSchema) {
        var flyway = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).javaMigrations(new BackfillMerchantUsage(), new HashScannedCodes());
        if (config.schema() != null) {
            flyway.schemas(config.schema()).defaultSchema(config.schema()).createSchemas(createSchema);
        }
        return flyway.load();
    }

    private static DSLContext jooq(DatabaseConfig config, DataSource dataSource) {
        // The generated classes are unqualified (no schema name) so they follow the connection's
        // schema; identifiers are lower case in both databases, and quoting keeps them exact.
        Settings settings = new Settings()
                .withRenderSchema(false)
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
                .withExecuteLogging(false);
        Configuration configuration = new DefaultConfiguration()
                .set(config.url().kind().dialect())
                .set(settings)
                .set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(dataSource)));
        return DSL.using(configuration);
    }

    /** The jOOQ context for work outside (or, on the same thread, inside) a transaction. */
    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return config.url().kind().dialect();
    }

    public JdbcUrl.DatabaseKind kind() {
        return config.url().kind();
    }

    public DatabaseConfig config() {
        return config;
    }

    /** What runs beside an embedded H2 file (group commit, housekeeping); empty for PostgreSQL, in-memory and server H2. */
    Optional<EmbeddedH2> embedded() {
        return Optional.ofNullable(embedded);
    }

    /** The timer keeping an embedded H2 file compact; empty for PostgreSQL, in-memory and server H2. */
    Optional<H2Housekeeping> housekeeping() {
        return embedded().map(EmbeddedH2::housekeeping);
    }

    /** How many migrations this start applied (0 when the schema was already current). */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    /**
     * Runs {@code work} in one transaction and returns its result: committed when it returns,
     * rolled back when it throws (the exception is rethrown).
     */
    public <T> T inTransaction(Function<DSLContext, T> work) {
        return dsl.transactionResult(() -> work.apply(dsl));
    }

    /** {@link #inTransaction(Function)} for work without a result. */
    public void inTransactionDo(Consumer<DSLContext> work) {
        dsl.transaction(() -> work.accept(dsl));
    }

    @Override
    public void close() {
        if (dataSource.isClosed()) {
            return;
        }
        if (embedded != null) {
            embedded.close();
        }
        if (config.url().isInMemory()) {
            // DB_CLOSE_DELAY=-1 keeps an in-memory H2 alive without connections; drop it explicitly.
            try {
                Connection connection = dataSource.getConnection();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                } finally {
                    closeQuietly(connection);
                }
            } catch (SQLException e) {
                LOG.warn("in-memory store {} did not shut down cleanly: {}", config.url(), e.getMessage());
            }
        }
        dataSource.close();
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException expected) {
            // After SHUTDOWN the connection's database is gone, and a first connection has done its work once the
            // pool is up: closing either can only say so.
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
