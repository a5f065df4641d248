package io.shoudan.sandbox.unionpay;

import io.shoudan.money.Money;
import io.shoudan.sandbox.consumer.Pin;
import java.util.Objects;

/**
 * A void (消费撤销, 0200 / 200000 / 60.1 = 23) of a sale made earlier the same day on the same
 * terminal, identified by the original's field 11 (carried in field 61).
 */
public record VoidRequest(TerminalRef terminal, String originalStan, String pan, Pin pin, Money amount) {

    public VoidRequest {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(originalStan, "originalStan");
        Objects.requireNonNull(amount, "amount");
    }

    @Override
    public String toString() {
        return "VoidRequest[" + terminal + ", originalStan=" + originalStan + ", pan="
                + (pan == null ? "none" : UnionPaySimulator.mask(pan)) + ", amount=" + amount + "]";
    }
}
