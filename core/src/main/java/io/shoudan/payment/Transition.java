package io.shoudan.payment;

import java.time.Instant;

/** One step in a payment's history, kept for the audit trail and for diagnose. @param raw the channel code that caused it; {@code null} when none */
public record Transition(PaymentState from, PaymentState to, Instant at, RawCode raw) {

    public Transition {
        if (from == null || to == null || at == null) {
            throw new IllegalArgumentException("a transition needs from, to and at");
        }
    }
}
