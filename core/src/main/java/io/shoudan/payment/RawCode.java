package io.shoudan.payment;

import java.util.regex.Pattern;

/** A channel's answer code exactly as it came, kept beside the reason it maps to: {@code 40004/ACQ.BUYER_BALANCE_NOT_ENOUGH}, {@code USERPAYING}, {@code 39=51}, {@code TIMEOUT}. */
public record RawCode(String value) {

    private static final Pattern FORM = Pattern.compile("[\\x20-\\x7e]{1,128}");

    public RawCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + value + "\" is not a raw channel code (1-128 printable ASCII characters)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
