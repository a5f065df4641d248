package io.shoudan.server.terminal8583;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of the endpoint, read by tests, the load generator and (later) a Micrometer binder. Thread-safe.
 */
public final class EndpointMetrics {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong approved = new AtomicLong();
    private final AtomicLong macInvalid = new AtomicLong();
    private final AtomicLong keyExpired = new AtomicLong();
    private final AtomicLong notSignedOn = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private final AtomicLong oversizedFrames = new AtomicLong();
    private final AtomicLong slowSenders = new AtomicLong();
    private final AtomicLong idleClosed = new AtomicLong();
    private final AtomicLong connectionsRefused = new AtomicLong();
    private final AtomicLong connectionsOpen = new AtomicLong();

    public record Snapshot(long requests, long approved, long macInvalid, long keyExpired, long notSignedOn, long undecodable,
                           long oversizedFrames, long slowSenders, long idleClosed, long connectionsRefused, long connectionsOpen) {
    }

    public Snapshot snapshot() {
        return new Snapshot(requests.get(), approved.get(), macInvalid.get(), keyExpired.get(), notSignedOn.get(), undecodable.get(),
                oversizedFrames.get(), slowSenders.get(), idleClosed.get(), connectionsRefused.get(), connectionsOpen.get());
    }

    void request() {
        requests.incrementAndGet();
    }

    void approved() {
        approved.incrementAndGet();
    }

    void macInvalid() {
        macInvalid.incrementAndGet();
    }

    void keyExpired() {
        keyExpired.incrementAndGet();
    }

    void notSignedOn() {
        notSignedOn.incrementAndGet();
    }

    void undecodable() {
        undecodable.incrementAndGet();
    }

    void oversizedFrame() {
        oversizedFrames.incrementAndGet();
    }

    void slowSender() {
        slowSenders.incrementAndGet();
    }

    void idleClosed() {
        idleClosed.incrementAndGet();
    }

    void connectionRefused() {
        connectionsRefused.incrementAndGet();
    }

    void connectionOpened() {
        connectionsOpen.incrementAndGet();
    }

    void connectionClosed() {
        connectionsOpen.decrementAndGet();
    }
}
