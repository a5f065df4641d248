package io.shoudan.channels.health;

import java.time.OffsetDateTime;

/**
 * What the store knows about the acquirer's link to one channel, beside its live health.
 *
 * @param credentialExpiresAt when the certificate / key for the channel expires; {@code null}: not tracked
 */
public record ChannelConnection(boolean connected, OffsetDateTime credentialExpiresAt) {
}
