package io.shoudan.store.database;

import org.jooq.Configuration;
import org.jooq.Record;
import org.jooq.impl.DefaultConfiguration;

/**
 * Generated records that only carry a row's values to or from hand-written SQL (they are never
 * stored through jOOQ's active-record methods). jOOQ reads the settings of a record's configuration
 * each time one of its primary-key columns is set, and for a record attached to none it builds a
 * fresh default configuration — a deep copy of every setting — on each such call: 5 % of the bytes
 * a sale allocated on H2 (docs/BENCHMARKS.md, session 8). Attached to one shared configuration
 * without a connection, a record keeps jOOQ's default behaviour, and an accidental {@code store()}
 * fails instead of writing. {@link RowColumns#read} attaches the records it fills; a row built to be
 * written is made with {@code ValueRecords.of(new PaymentsRecord())}.
 */
public final class ValueRecords {

    private static final Configuration VALUES_ONLY = new DefaultConfiguration();

    private ValueRecords() {
    }

    /** {@code record}, attached to the shared connection-less configuration. */
    public static <R extends Record> R of(R record) {
        record.attach(VALUES_ONLY);
        return record;
    }
}
