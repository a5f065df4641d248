package io.shoudan.fee;

import java.util.regex.Pattern;

/** A rate card's identity, stable across its versions, e.g. {@code RC-M100001-ALIPAY}. */
public record RateCardId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public RateCardId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + value + "\" is not a rate card id (1-64 letters, digits, '.', '-' or '_')");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
