package io.shoudan.channel;

import io.shoudan.method.Channel;

import java.time.OffsetDateTime;

/**
 * A scheduled maintenance window, holding for {@code from <= at < to}.
 *
 * @param channel the channel under maintenance, or {@code null} for the platform itself
 */
public record MaintenanceWindow(Channel channel, OffsetDateTime from, OffsetDateTime to) {

    public MaintenanceWindow {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a maintenance window needs from and to");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("maintenance window ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static MaintenanceWindow platform(OffsetDateTime from, OffsetDateTime to) {
        return new MaintenanceWindow(null, from, to);
    }

    public boolean isPlatform() {
        return channel == null;
    }

    public boolean holdsAt(OffsetDateTime at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    /** The scope as written in a scenario: a channel name or {@code PLATFORM}. */
    public String scope() {
        return channel == null ? "PLATFORM" : channel.name();
    }
}
