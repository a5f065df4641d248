package io.shoudan.server.demo;

import java.util.regex.Pattern;

/**
 * Where a demo's day was written, as its user finds it again: the file (or the PostgreSQL schema) and the value to
 * give {@code --db} so that {@code diagnose} and {@code ledger check} read that day.
 *
 * @param location   the H2 file, or the PostgreSQL URL and schema, for people
 * @param dbArgument what follows {@code --db} in the printed commands (never with a password)
 */
public record DemoStore(String location, String dbArgument) {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9:/._=+,@%-]+");

    public DemoStore {
        if (location == null || location.isBlank() || dbArgument == null || dbArgument.isBlank()) {
            throw new IllegalArgumentException("a demo store needs its location and its --db value");
        }
    }

    /** {@code --db} and its value, quoted for a POSIX shell when it holds {@code ?}, {@code &}, {@code ;} or spaces. */
    String dbOption() {
        return "--db " + (SHELL_SAFE.matcher(dbArgument).matches() ? dbArgument : "'" + dbArgument.replace("'", "'\\''") + "'");
    }
}
