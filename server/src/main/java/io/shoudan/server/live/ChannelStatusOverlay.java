package io.shoudan.server.live;

import io.shoudan.channel.ChannelState;
import io.shoudan.method.Channel;

/**
 * Combines a channel's stored connection (contract, credential expiry) with what the platform sees
 * live (circuit breakers). The stored state is the acquirer's word; the live one may only make it worse.
 */
@FunctionalInterface
public interface ChannelStatusOverlay {

    ChannelState apply(Channel channel, ChannelState stored);

    /** No live view: the stored state as it is. */
    ChannelStatusOverlay STORED_ONLY = (channel, stored) -> stored;

    /** The stored state, made worse (never better) by what {@code live} says of the channel now. */
    static ChannelStatusOverlay worsenedBy(java.util.function.Function<Channel, io.shoudan.channel.ChannelStatus> live) {
        return (channel, stored) -> {
            io.shoudan.channel.ChannelStatus now = live.apply(channel);
            return now.ordinal() > stored.status().ordinal()
                    ? new ChannelState(now, stored.connected(), stored.credentialExpiresAt()) : stored;
        };
    }

    /**
     * A node's live view: the stored state made worse by the circuit breakers' {@code status}, and not connected for a
     * channel the node has no gateway for (a live node without UnionPay refuses cards as not connected, up front).
     */
    static ChannelStatusOverlay ofNode(java.util.function.Function<Channel, io.shoudan.channel.ChannelStatus> status,
                                       java.util.Set<Channel> wired) {
        ChannelStatusOverlay worsened = worsenedBy(status);
        java.util.Set<Channel> gateways = java.util.Set.copyOf(wired);
        return (channel, stored) -> {
            ChannelState live = worsened.apply(channel, stored);
            return gateways.contains(channel) || !live.connected() ? live
                    : new ChannelState(live.status(), false, live.credentialExpiresAt());
        };
    }
}
