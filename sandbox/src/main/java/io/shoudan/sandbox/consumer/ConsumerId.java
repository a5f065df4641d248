package io.shoudan.sandbox.consumer;

import java.util.Objects;

/** The sandbox's own name for a consumer (a person with wallets and cards), e.g. {@code "c-0001"}. */
public record ConsumerId(String value) {

    public ConsumerId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a consumer id is 1-64 characters: \"" + value + "\"");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
