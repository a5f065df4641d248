package io.shoudan.payment;

import java.time.Duration;

/** Port: waits between queries. {@code Thread::sleep} in production; tests advance a manual clock instead. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
