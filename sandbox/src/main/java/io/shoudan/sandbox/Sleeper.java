package io.shoudan.sandbox;

import java.time.Duration;

/**
 * How an injected delay passes. In-process the delay is virtual (the manual clock moves on, so the
 * caller's timeout logic sees the time pass without a test waiting); an HTTP server later uses
 * {@link #real()} so that a client's socket timeout fires for real.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration);

    static Sleeper advancing(ManualClock clock) {
        return clock::advance;
    }

    static Sleeper real() {
        return duration -> {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** For callers that only read the declared delay on the reply and apply it themselves. */
    static Sleeper declaredOnly() {
        return duration -> {
        };
    }
}
