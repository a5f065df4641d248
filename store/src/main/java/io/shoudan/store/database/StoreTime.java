package io.shoudan.store.database;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How instants cross the database boundary. PostgreSQL keeps a {@code timestamptz} as an instant and
 * hands it back in UTC, H2 keeps the offset it was given; both keep microseconds. So the store
 * writes instants truncated to microseconds and reads them back in UTC: a value read is the same
 * on both databases and equal ({@code equals}) to the UTC form of the value written.
 */
public final class StoreTime {

    private StoreTime() {
    }

    public static OffsetDateTime toDatabase(OffsetDateTime at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    public static OffsetDateTime fromDatabase(OffsetDateTime at) {
        return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The instant a repository stamps on a row: the clock's now, as the database will keep it. */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
