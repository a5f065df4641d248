package io.shoudan.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that only moves when told to. Tests and the demo drive the sandbox with it so that code
 * expiry, password confirmation and the 24 h cancel limit happen at exact, reproducible instants.
 */
public final class ManualClock extends Clock {

    private final Object monitor = new Object();
    private Instant now;

    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("a clock does not run backwards: " + step);
        }
        synchronized (monitor) {
            now = now.plus(step);
        }
    }

    public void set(Instant instant) {
        synchronized (monitor) {
            if (instant.isBefore(now)) {
                throw new IllegalArgumentException("a clock does not run backwards: " + instant + " < " + now);
            }
            now = instant;
        }
    }

    @Override
    public Instant instant() {
        synchronized (monitor) {
            return now;
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the sandbox clock is UTC; channel dates use ChinaTime");
    }
}
