package io.shoudan.channels.health;

import io.shoudan.method.Channel;

import java.util.Optional;

/** Stored connection / credential facts per channel (store module, configuration). Empty: no connection to that channel. */
@FunctionalInterface
public interface ChannelConnections {

    Optional<ChannelConnection> of(Channel channel);
}
