package io.shoudan.store.channel;

import io.shoudan.channel.ChannelState;
import io.shoudan.channel.ChannelStatus;
import io.shoudan.method.Channel;
import io.shoudan.store.database.ConfigVersions;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.StoreTime;
import io.shoudan.store.database.schema.tables.records.ChannelConnectionsRecord;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static io.shoudan.store.database.schema.Tables.CHANNEL_CONNECTIONS;

/**
 * The acquirer's connection to each channel: contract / connection in place, credential expiry and
 * the last known health. A channel without a row is not connected.
 */
public final class ChannelConnectionRepository {

    private final Database database;
    private final Clock clock;

    public ChannelConnectionRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Creates or replaces the channel's state. */
    public void save(Channel channel, ChannelState state) {
        OffsetDateTime now = StoreTime.now(clock);
        database.inTransactionDo(dsl -> {
            int updated = dsl.update(CHANNEL_CONNECTIONS)
                    .set(CHANNEL_CONNECTIONS.STATUS, state.status().name())
                    .set(CHANNEL_CONNECTIONS.CONNECTED, state.connected())
                    .set(CHANNEL_CONNECTIONS.CREDENTIAL_EXPIRES_AT, StoreTime.toDatabase(state.credentialExpiresAt()))
                    .set(CHANNEL_CONNECTIONS.UPDATED_AT, now)
                    .where(CHANNEL_CONNECTIONS.CHANNEL.eq(channel.name()))
                    .execute();
            if (updated == 0) {
                dsl.insertInto(CHANNEL_CONNECTIONS)
                        .set(CHANNEL_CONNECTIONS.CHANNEL, channel.name())
                        .set(CHANNEL_CONNECTIONS.STATUS, state.status().name())
                        .set(CHANNEL_CONNECTIONS.CONNECTED, state.connected())
                        .set(CHANNEL_CONNECTIONS.CREDENTIAL_EXPIRES_AT, StoreTime.toDatabase(state.credentialExpiresAt()))
                        .set(CHANNEL_CONNECTIONS.UPDATED_AT, now)
                        .execute();
            }
            ConfigVersions.raise(dsl, ConfigVersions.CHANNEL_CONNECTIONS);
        });
    }

    public Optional<ChannelState> find(Channel channel) {
        return database.dsl().selectFrom(CHANNEL_CONNECTIONS)
                .where(CHANNEL_CONNECTIONS.CHANNEL.eq(channel.name()))
                .fetchOptional(ChannelConnectionRepository::toState);
    }

    /** Every channel with a stored state; channels absent are not connected. */
    public Map<Channel, ChannelState> all() {
        Map<Channel, ChannelState> states = new EnumMap<>(Channel.class);
        database.dsl().selectFrom(CHANNEL_CONNECTIONS)
                .forEach(row -> states.put(Channel.valueOf(row.getChannel()), toState(row)));
        return states;
    }

    private static ChannelState toState(ChannelConnectionsRecord row) {
        return new ChannelState(ChannelStatus.valueOf(row.getStatus()), row.getConnected(),
                StoreTime.fromDatabase(row.getCredentialExpiresAt()));
    }
}
