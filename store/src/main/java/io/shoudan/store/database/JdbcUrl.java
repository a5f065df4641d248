package io.shoudan.store.database;

import org.jooq.SQLDialect;

/**
 * Where the store lives: an embedded H2 database ({@code jdbc:h2:...}) or a PostgreSQL server
 * ({@code jdbc:postgresql://...}). Nothing else is accepted, so a typo fails at start-up instead of
 * on the first payment.
 *
 * <p>H2 always runs in PostgreSQL mode with lower-case identifiers, so the one set of migrations and
 * the generated jOOQ classes work on both: the settings are appended when the URL does not set them.
 *
 * <p>An H2 database kept in a file commits with {@code WRITE_DELAY=0}: each commit writes its changes to
 * the file before it returns. H2's default (500 ms) keeps committed changes in memory until a background
 * thread writes them, so a killed process (kill -9, the OOM killer, a JVM crash) lost the last half
 * second of acknowledged payments — a PROCESSING record among them is money a channel may take that no
 * recovery knows of. A URL that asks for another delay is refused. When {@link Database} runs the file in this process,
 * {@link EmbeddedH2} replaces H2's commit-time writing with {@link H2GroupCommit}: the same guarantee, one chunk for
 * many commits; {@code WRITE_DELAY=0} stays the floor for every session H2 opens. The file is written, not forced to
 * the disk on each commit: {@link H2Housekeeping} forces it four times a second, so an operating-system crash or a
 * power cut can still lose the last quarter of a second; the store that survives those is PostgreSQL
 * (docs/STORE.md, "Durability"). {@code RETENTION_TIME} defaults to {@link #RETENTION_MILLIS} for the same reason.
 */
public record JdbcUrl(String value) {

    // Declared before DEFAULT_EMBEDDED, whose construction reads it. QUERY_CACHE_SIZE: H2 keeps this many
    // parsed statements per connection (default 8); a sale alone runs about ten distinct ones.
    private static final String[] H2_SETTINGS = {"MODE=PostgreSQL", "DATABASE_TO_LOWER=TRUE", "DEFAULT_NULL_ORDERING=HIGH", "QUERY_CACHE_SIZE=64"};
    private static final String WRITE_DELAY = "WRITE_DELAY=";
    /** The prefix of every H2 URL. */
    private static final String H2 = "jdbc:h2:";
    private static final String RETRY = "retry:";
    /** How long H2 keeps a dead chunk's space before reusing it: 5 s, not its 45 s, as {@link H2Housekeeping} forces the file four times a second. */
    static final int RETENTION_MILLIS = 5_000;
    /**
     * How long H2 may move chunks together when the store closes, shortening the file (H2's default: 200 ms). A chunk
     * per commit leaves much freed space at the end of a busy run: the demo's day file was 260 MB with the default
     * and 6 MB with 3 s.
     */
    static final int COMPACT_AT_CLOSE_MILLIS = 3_000;

    /** The embedded default: zero set-up, a file under {@code ./data/} of the working directory. */
    public static final JdbcUrl DEFAULT_EMBEDDED = new JdbcUrl("jdbc:h2:file:./data/shoudan");

    public JdbcUrl {
        if (value == null || !(value.startsWith(H2) || value.startsWith("jdbc:postgresql:"))) {
            throw new IllegalArgumentException("\"" + value + "\" is not a supported JDBC URL: use jdbc:postgresql://host:port/db "
                    + "or jdbc:h2:file:./data/shoudan / 不支持的数据库地址：请使用 jdbc:postgresql://… 或 jdbc:h2:…");
        }
        if (value.startsWith(H2)) {
            value = withH2Settings(retryingOnInterrupt(value));
        }
    }

    /**
     * A file of this machine's disk, given as {@code file:PATH} or a plain path, is opened through H2's {@code retry:}
     * file system: a thread interrupted inside a {@code FileChannel} call closes the channel for every user of the
     * file, and without it one interrupted writer closed the whole database (H2GroupCommitTest); {@code retry:} opens
     * the channel again and repeats the call. Other file systems ({@code nio:}, {@code split:}, …), servers and
     * in-memory databases are kept as given.
     */
    private static String retryingOnInterrupt(String url) {
        String name = url.substring(H2.length());
        boolean plainPath = !name.matches("(?s)[A-Za-z][A-Za-z0-9]+:.*"); // C:\… is a path, nio:… a file system
        return name.startsWith("file:") || plainPath ? H2 + RETRY + name : url;
    }

    private static String withH2Settings(String url) {
        StringBuilder out = new StringBuilder(url);
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        for (String setting : H2_SETTINGS) {
            String key = setting.substring(0, setting.indexOf('=') + 1).toUpperCase(java.util.Locale.ROOT);
            if (!upper.contains(";" + key)) {
                out.append(';').append(setting);
            }
        }
        if (!url.startsWith("jdbc:h2:mem:")) {
            if (!upper.contains(";RETENTION_TIME=")) {
                out.append(";RETENTION_TIME=").append(RETENTION_MILLIS);
            }
            if (!upper.contains(";MAX_COMPACT_TIME=")) {
                out.append(";MAX_COMPACT_TIME=").append(COMPACT_AT_CLOSE_MILLIS);
            }
            int at = upper.indexOf(";" + WRITE_DELAY);
            if (at < 0) {
                out.append(';').append(WRITE_DELAY).append('0');
            } else {
                int from = at + 1 + WRITE_DELAY.length();
                int to = upper.indexOf(';', from);
                String delay = url.substring(from, to < 0 ? url.length() : to).trim();
                if (!delay.equals("0")) {
                    throw new IllegalArgumentException("WRITE_DELAY=" + delay + " in the H2 URL would keep committed payments in memory, "
                            + "lost if the process is killed: leave WRITE_DELAY out (Shoudan sets 0) / "
                            + "H2 地址中的 WRITE_DELAY=" + delay + " 会让已提交的支付暂存内存，进程被终止即丢失：请去掉该设置（Shoudan 使用 0）");
                }
            }
        }
        return out.toString();
    }

    /** An in-memory H2 database of its own, alive until the {@link Database} is closed (tests, demos). */
    public static JdbcUrl inMemory(String name) {
        return new JdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    public DatabaseKind kind() {
        return value.startsWith(H2) ? DatabaseKind.H2 : DatabaseKind.POSTGRESQL;
    }

    public boolean isInMemory() {
        return value.startsWith("jdbc:h2:mem:");
    }

    /**
     * This URL for a command that only reads, refusing to create the database when it does not exist: an H2 file or
     * server database gets {@code IFEXISTS=TRUE}; in-memory H2 and PostgreSQL (whose server never creates a database
     * on connecting) stay. A file is read through H2's plain {@code nio:} file system instead of {@code retry:}, which
     * guards writes against interrupts and, on a file another process holds, retries for seconds before it fails.
     */
    public JdbcUrl existingOnly() {
        if (kind() != DatabaseKind.H2 || isInMemory()) {
            return this;
        }
        String url = value.startsWith(H2 + RETRY) ? H2 + "nio:" + stripFile(value.substring((H2 + RETRY).length())) : value;
        // A reader neither compacts the file when it closes it nor leaves a file beside it, not even H2's trace.
        url = url.replaceAll("(?i);MAX_COMPACT_TIME=[0-9]+", ";MAX_COMPACT_TIME=0");
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        return new JdbcUrl(url + (upper.contains(";IFEXISTS=") ? "" : ";IFEXISTS=TRUE") + (upper.contains(";TRACE_LEVEL_FILE=") ? "" : ";TRACE_LEVEL_FILE=0"));
    }

    private static String stripFile(String name) {
        return name.startsWith("file:") ? name.substring("file:".length()) : name;
    }

    /**
     * The database path of an embedded H2 file as it was given ({@code ./data/shoudan} for
     * {@code jdbc:h2:file:./data/shoudan}), without H2's {@code .mv.db}; empty for PostgreSQL, servers and memory.
     */
    public java.util.Optional<String> h2Path() {
        if (kind() != DatabaseKind.H2 || isInMemory()) {
            return java.util.Optional.empty();
        }
        String name = value.substring(H2.length());
        int settings = name.indexOf(';');
        name = settings < 0 ? name : name.substring(0, settings);
        name = name.startsWith(RETRY) ? name.substring(RETRY.length()) : name.startsWith("nio:") ? name.substring("nio:".length()) : name;
        if (name.startsWith("tcp:") || name.startsWith("ssl:")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(stripFile(name));
    }

    /** The file an embedded H2 database lives in ({@code ./data/shoudan.mv.db}); empty for PostgreSQL, servers and memory. */
    public java.util.Optional<String> h2File() {
        return h2Path().map(path -> path + ".mv.db");
    }

    /** Whether other processes may open the same H2 file through this process ({@code AUTO_SERVER=TRUE}). */
    public boolean servesOtherProcesses() {
        return value.toUpperCase(java.util.Locale.ROOT).contains(";AUTO_SERVER=TRUE");
    }

    /** The URL without any password that might be embedded in its parameters, for logs and errors. */
    public String redacted() {
        return value.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return redacted();
    }

    /** The two stores Shoudan runs on. */
    public enum DatabaseKind {
        H2(SQLDialect.H2),
        POSTGRESQL(SQLDialect.POSTGRES);

        private final SQLDialect dialect;

        DatabaseKind(SQLDialect dialect) {
            this.dialect = dialect;
        }

        public SQLDialect dialect() {
            return dialect;
        }
    }
}
