package io.shoudan.terminal;

import java.util.regex.Pattern;

/** A terminal's serial number as registered with the acquirer, e.g. {@code LKL-A8-000123}. */
public record TerminalSn(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    public TerminalSn {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("\"" + value + "\" is not a terminal serial (1-40 letters, digits, '.', '-' or '_')");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
