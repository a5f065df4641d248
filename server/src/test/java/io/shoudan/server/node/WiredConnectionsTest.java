package io.shoudan.server.node;

import io.shoudan.channel.ChannelState;
import io.shoudan.channel.ChannelStatus;
import io.shoudan.channels.health.BreakerSettings;
import io.shoudan.channels.health.ChannelConnection;
import io.shoudan.channels.health.ChannelHealth;
import io.shoudan.method.Channel;
import io.shoudan.server.live.ChannelStatusOverlay;
import io.shoudan.store.channel.ChannelConnectionRepository;
import io.shoudan.store.database.Database;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A node's breakers see a channel as connected only when the node has a gateway for it and the store says so. */
class WiredConnectionsTest {

    private static final OffsetDateTime CERTIFICATE_EXPIRES = OffsetDateTime.of(2027, 3, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));

    @Test
    void aChannelIsConnectedWhenWiredAndStoredSoWithTheStoresCredentialExpiry(@TempDir Path dir) {
        try (Database database = Database.open(DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + dir.resolve("store"))))) {
            ChannelConnectionRepository stored = new ChannelConnectionRepository(database, Clock.systemUTC());
            stored.save(Channel.ALIPAY, new ChannelState(ChannelStatus.UP, true, CERTIFICATE_EXPIRES));
            stored.save(Channel.WECHAT, new ChannelState(ChannelStatus.UP, false, null));
            stored.save(Channel.UNIONPAY, new ChannelState(ChannelStatus.UP, true, null));
            WiredConnections connections = new WiredConnections(Set.of(Channel.ALIPAY, Channel.WECHAT), stored);

            ChannelConnection alipay = connections.of(Channel.ALIPAY).orElseThrow();
            assertThat(alipay.connected()).isTrue();
            assertThat(alipay.credentialExpiresAt()).isAtSameInstantAs(CERTIFICATE_EXPIRES);
            assertThat(connections.of(Channel.WECHAT)).contains(new ChannelConnection(false, null));
            assertThat(connections.of(Channel.UNIONPAY)).as("stored connected, but the node has no gateway").isEmpty();
            ChannelHealth health = new ChannelHealth(BreakerSettings.defaults(), connections, Clock.systemUTC());
            assertThat(health.states()).containsOnlyKeys(Channel.ALIPAY, Channel.WECHAT);
            assertThat(health.state(Channel.UNIONPAY).connected()).isFalse();
        }
    }

    @Test
    void aWiredChannelTheStoreKnowsNothingOfIsNotConnected(@TempDir Path dir) {
        try (Database database = Database.open(DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + dir.resolve("store"))))) {
            WiredConnections connections = new WiredConnections(Set.of(Channel.ALIPAY),
                    new ChannelConnectionRepository(database, Clock.systemUTC()));

            assertThat(connections.of(Channel.ALIPAY)).isEqualTo(Optional.empty());
        }
    }

    @Test
    void theSnapshotSeesTheStoredStateWorsenedByTheBreakersAndAChannelWithoutGatewayAsNotConnected() {
        ChannelStatusOverlay overlay = ChannelStatusOverlay.ofNode(
                channel -> channel == Channel.WECHAT ? ChannelStatus.DOWN : ChannelStatus.UP, Set.of(Channel.ALIPAY, Channel.WECHAT));
        ChannelState stored = new ChannelState(ChannelStatus.DEGRADED, true, CERTIFICATE_EXPIRES);

        assertThat(overlay.apply(Channel.ALIPAY, stored)).as("the breaker says UP: never better than stored").isEqualTo(stored);
        assertThat(overlay.apply(Channel.WECHAT, stored)).isEqualTo(new ChannelState(ChannelStatus.DOWN, true, CERTIFICATE_EXPIRES));
        assertThat(overlay.apply(Channel.UNIONPAY, stored)).isEqualTo(new ChannelState(ChannelStatus.DEGRADED, false, CERTIFICATE_EXPIRES));
    }
}
