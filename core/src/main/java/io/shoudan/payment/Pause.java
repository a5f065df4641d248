package io.shoudan.payment;

import java.time.Duration;

/** The waits of the unknown-outcome protocol and of refund retries, through the {@link Sleeper} port. */
final class Pause {

    private final Sleeper sleeper;

    Pause(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /** False when the node is being stopped: the payment is left as it is for recovery. */
    boolean pause(Duration delay) {
        if (delay.isZero()) {
            return true;
        }
        try {
            sleeper.sleep(delay);
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
