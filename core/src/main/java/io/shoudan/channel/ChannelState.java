package io.shoudan.channel;

import java.time.OffsetDateTime;

/**
 * The acquirer's connection to one channel.
 *
 * @param connected           false when there is no active contract / connection
 * @param credentialExpiresAt when the acquirer's certificate or key for the channel expires; {@code null}: not checked
 */
public record ChannelState(ChannelStatus status, boolean connected, OffsetDateTime credentialExpiresAt) {

    public ChannelState {
        if (status == null) {
            throw new IllegalArgumentException("channel status is required");
        }
    }
}
