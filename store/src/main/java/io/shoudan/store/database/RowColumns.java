package io.shoudan.store.database;

import org.jooq.Field;
import org.jooq.TableRecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table's columns in hand-written hot-path SQL: selected under a prefix ({@code t.model AS t_model})
 * so two tables with the same column names can share a row, and read back into the generated record,
 * so the repositories' record-to-domain mapping is the one used everywhere.
 */
public final class RowColumns {

    private RowColumns() {
    }

    /** {@code alias.c AS alias_c, …} for every column. */
    public static String select(String alias, List<Field<?>> columns) {
        return columns.stream().map(column -> alias + "." + column.getName() + " AS " + alias + "_" + column.getName())
                .collect(Collectors.joining(", "));
    }

    /**
     * Fills {@code record} from the columns {@link #select} named, attached first to
     * {@link ValueRecords}' configuration (setting an unattached record's key columns copies jOOQ's settings).
     */
    public static <R extends TableRecord<R>> R read(ResultSet row, String alias, R record, List<Field<?>> columns)
            throws SQLException {
        ValueRecords.of(record);
        for (Field<?> column : columns) {
            set(record, column, row.getObject(alias + "_" + column.getName(), column.getType()));
        }
        return record;
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(TableRecord<?> record, Field<T> column, Object value) {
        record.set(column, (T) value);
    }
}
