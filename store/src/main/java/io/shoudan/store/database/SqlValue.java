package io.shoudan.store.database;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Binds one value to a prepared statement with its SQL type, so that PostgreSQL is told the type even
 * of a {@code null} or of a parameter in a {@code SELECT} list (where it could not infer one).
 */
public final class SqlValue {

    private SqlValue() {
    }

    /** A {@code null} of a column whose values are {@code type}; a bare Java {@code null} has no type to send. */
    public record Null(Class<?> type) {
    }

    public static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case null -> throw new IllegalArgumentException("parameter " + index + " is a bare null; bind SqlValue.Null");
            case Null typed -> statement.setNull(index, sqlType(typed.type()));
            case String text -> statement.setString(index, text);
            case Long number -> statement.setLong(index, number);
            case Integer number -> statement.setInt(index, number);
            case Boolean flag -> statement.setBoolean(index, flag);
            case OffsetDateTime time -> statement.setObject(index, time, Types.TIMESTAMP_WITH_TIMEZONE);
            case LocalDate date -> statement.setObject(index, date, Types.DATE);
            default -> throw new IllegalArgumentException("parameter " + index + " has a type the store does not bind: "
                    + value.getClass().getName());
        }
    }

    /** {@code value}, or a typed null when it is {@code null}. */
    public static Object orNull(Object value, Class<?> type) {
        return value == null ? new Null(type) : value;
    }

    /**
     * The type a null is sent as. A {@code timestamptz} null goes as {@link Types#TIMESTAMP}, which the
     * PostgreSQL driver leaves unspecified for the server to take from the column or the cast (it
     * sends {@code TIMESTAMP_WITH_TIMEZONE} nulls as text).
     */
    private static int sqlType(Class<?> type) {
        if (type == String.class) {
            return Types.VARCHAR;
        } else if (type == Long.class) {
            return Types.BIGINT;
        } else if (type == Integer.class) {
            return Types.INTEGER;
        } else if (type == Boolean.class) {
            return Types.BOOLEAN;
        } else if (type == OffsetDateTime.class) {
            return Types.TIMESTAMP;
        } else if (type == LocalDate.class) {
            return Types.DATE;
        }
        throw new IllegalArgumentException("the store does not bind nulls of " + type.getName());
    }
}
