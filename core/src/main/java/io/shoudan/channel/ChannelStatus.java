package io.shoudan.channel;

/** A channel's health as the platform sees it (circuit breaker, probes). */
public enum ChannelStatus {
    UP, DEGRADED, DOWN
}
