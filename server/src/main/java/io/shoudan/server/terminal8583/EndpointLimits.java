package io.shoudan.server.terminal8583;

import java.time.Duration;
import java.util.Objects;

/**
 * How the endpoint protects itself from connections that would pile up.
 *
 * @param frameBytesMax          largest accepted frame body (TPDU + message); a length prefix above it closes the connection
 * @param idleTimeout            a connection with nothing received for this long is closed (half-open connections)
 * @param frameCompletionTimeout a frame whose bytes do not all arrive within this time is cut (slow senders)
 * @param connectionsMax         connections above this number are closed at once
 * @param workerThreads          threads that run requests (the payment service blocks); one request per connection at a time
 * @param keyLifetime            how long working keys from a sign-on stay valid
 */
public record EndpointLimits(int frameBytesMax, Duration idleTimeout, Duration frameCompletionTimeout, int connectionsMax,
                             int workerThreads, Duration keyLifetime) {

    /** 4 KiB frames, 120 s idle, 10 s to complete a frame, 2,000 connections, 32 workers, keys valid 24 h. */
    public static final EndpointLimits DEFAULTS = new EndpointLimits(4096, Duration.ofSeconds(120), Duration.ofSeconds(10),
            2000, 32, Duration.ofHours(24));

    /** Smallest possible frame body: TPDU (5) + MTI (2) + bitmap (8). */
    public static final int FRAME_BYTES_MIN = 15;

    public EndpointLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(frameCompletionTimeout, "frameCompletionTimeout");
        Objects.requireNonNull(keyLifetime, "keyLifetime");
        if (frameBytesMax < FRAME_BYTES_MIN || frameBytesMax > 0xFFFF) {
            throw new IllegalArgumentException("frameBytesMax must be " + FRAME_BYTES_MIN + "..65535");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || frameCompletionTimeout.isNegative() || frameCompletionTimeout.isZero()
                || keyLifetime.isNegative() || keyLifetime.isZero()) {
            throw new IllegalArgumentException("timeouts and the key lifetime must be positive");
        }
        if (connectionsMax < 1 || workerThreads < 1) {
            throw new IllegalArgumentException("connectionsMax and workerThreads must be at least 1");
        }
    }

    public EndpointLimits withIdleTimeout(Duration idle) {
        return new EndpointLimits(frameBytesMax, idle, frameCompletionTimeout, connectionsMax, workerThreads, keyLifetime);
    }

    public EndpointLimits withFrameCompletionTimeout(Duration timeout) {
        return new EndpointLimits(frameBytesMax, idleTimeout, timeout, connectionsMax, workerThreads, keyLifetime);
    }

    public EndpointLimits withConnectionsMax(int max) {
        return new EndpointLimits(frameBytesMax, idleTimeout, frameCompletionTimeout, max, workerThreads, keyLifetime);
    }

    public EndpointLimits withWorkerThreads(int threads) {
        return new EndpointLimits(frameBytesMax, idleTimeout, frameCompletionTimeout, connectionsMax, threads, keyLifetime);
    }

    public EndpointLimits withKeyLifetime(Duration lifetime) {
        return new EndpointLimits(frameBytesMax, idleTimeout, frameCompletionTimeout, connectionsMax, workerThreads, lifetime);
    }
}
