package io.shoudan.channels.mapping;

import io.shoudan.payment.RawCode;

import java.util.Objects;

/**
 * A channel answer's codes after the mapping tables: what they mean, the raw code to keep, and whether
 * a table knew them (false: the meaning is the channel's safe default and the code is counted as unmapped).
 */
public record Classified(CodeMeaning meaning, RawCode raw, boolean mapped) {

    public Classified {
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(raw, "raw");
    }
}
