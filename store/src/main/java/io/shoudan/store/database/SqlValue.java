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
        return columnType(type).nullType();
    }

    /**
     * {@code CAST(? AS type)} for a column whose values are {@code type}: in a {@code SELECT} list or a
     * {@code VALUES} row PostgreSQL cannot take a parameter's type from the column it goes into, and
     * reads an untyped one (a {@code NULL}) as text.
     */
    public static String typedMark(Class<?> type) {
        return "CAST(? AS " + columnType(type).sqlName() + ")";
    }

    private record ColumnType(int nullType, String sqlName) {
    }

    private static ColumnType columnType(Class<?> type) {
        if (type == String.class) {
            return new ColumnType(Types.VARCHAR, "VARCHAR");
        } else if (type == Long.class) {
            return new ColumnType(Types.BIGINT, "BIGINT");
        } else if (type == Integer.class) {
            return new ColumnType(Types.INTEGER, "INTEGER");
        } else if (type == Boolean.class) {
            return new ColumnType(Types.BOOLEAN, "BOOLEAN");
        } else if (type == OffsetDateTime.class) {
            return new ColumnType(Types.TIMESTAMP, "TIMESTAMP WITH TIME ZONE");
        } else if (type == LocalDate.class) {
            return new ColumnType(Types.DATE, "DATE");
        }
        throw new IllegalArgumentException("the store does not bind values of " + type.getName());
    }
}
