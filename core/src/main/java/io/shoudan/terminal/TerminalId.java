package io.shoudan.terminal;

import java.util.regex.Pattern;

/** Field 41 受卡机终端标识码: the 8-character terminal id the acquirer gave the POS. */
public record TerminalId(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9]{8}");

    public TerminalId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a terminal id (field 41) is 8 letters or digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
