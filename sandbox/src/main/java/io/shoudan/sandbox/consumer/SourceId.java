package io.shoudan.sandbox.consumer;

import java.util.Objects;

/** Names one funding source of a consumer, unique within that consumer (e.g. {@code "huabei"}). */
public record SourceId(String value) {

    public SourceId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 32) {
            throw new IllegalArgumentException("a source id is 1-32 characters: \"" + value + "\"");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
