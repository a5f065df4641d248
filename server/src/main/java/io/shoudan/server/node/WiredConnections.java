package io.shoudan.server.node;

import io.shoudan.channels.health.ChannelConnection;
import io.shoudan.channels.health.ChannelConnections;
import io.shoudan.method.Channel;
import io.shoudan.store.channel.ChannelConnectionRepository;

import java.util.Optional;
import java.util.Set;

/**
 * A node's connections to its channels, for its circuit breakers ({@code ChannelHealth}): a channel is connected
 * when this node has a gateway for it <em>and</em> the store's connection says so, with the store's credential
 * expiry. A channel the node was not wired for is not connected, whatever the store says.
 */
public record WiredConnections(Set<Channel> wired, ChannelConnectionRepository stored) implements ChannelConnections {

    public WiredConnections {
        wired = Set.copyOf(wired);
    }

    @Override
    public Optional<ChannelConnection> of(Channel channel) {
        if (!wired.contains(channel)) {
            return Optional.empty();
        }
        return stored.find(channel).map(state -> new ChannelConnection(state.connected(), state.credentialExpiresAt()));
    }
}
