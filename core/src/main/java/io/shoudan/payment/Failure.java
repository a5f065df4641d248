package io.shoudan.payment;

import io.shoudan.reason.ReasonCode;

/** Why a channel refused: the catalogue reason and the channel's own code it was mapped from. */
public record Failure(ReasonCode reason, RawCode raw) {

    public Failure {
        if (reason == null || raw == null) {
            throw new IllegalArgumentException("a failure needs its reason and the channel's raw code");
        }
    }
}
