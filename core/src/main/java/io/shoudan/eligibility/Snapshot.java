package io.shoudan.eligibility;

import io.shoudan.channel.ChannelState;
import io.shoudan.channel.MaintenanceWindow;
import io.shoudan.consumer.ConsumerState;
import io.shoudan.merchant.Merchant;
import io.shoudan.method.Channel;
import io.shoudan.policy.Policy;
import io.shoudan.terminal.Terminal;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The state of the world a verdict is made in: a diagnosis reads it from a scenario file, a live
 * payment from the store and the channels' health.
 *
 * @param consumer the consumer's side as a simulation; {@code null}: consumer checks are not made
 * @param channels the acquirer's connection per channel; a channel absent is not connected
 */
public record Snapshot(
        OffsetDateTime at,
        Merchant merchant,
        Terminal terminal,
        ConsumerState consumer,
        Map<Channel, ChannelState> channels,
        List<MaintenanceWindow> maintenance,
        Policy policy) {

    public Snapshot {
        if (at == null || merchant == null || terminal == null || policy == null) {
            throw new IllegalArgumentException("a snapshot needs at, merchant, terminal and policy");
        }
        channels = Collections.unmodifiableMap(channels == null || channels.isEmpty()
                ? new EnumMap<>(Channel.class) : new EnumMap<>(channels));
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
    }

    /** The state of {@code channel}, or {@code null} when the acquirer has no connection to it. */
    public ChannelState channel(Channel channel) {
        return channels.get(channel);
    }
}
