package io.shoudan.terminal;

/** Six-digit numbers of the terminal protocol (batch, trace, authorisation code): parsed strictly, written zero-padded. */
public final class SixDigits {
    private SixDigits() {
    }

    public static int parse(String what, String digits) {
        if (digits == null || digits.length() != 6) {
            throw new IllegalArgumentException("a " + what + " is 6 digits");
        }
        int v = 0;
        for (int i = 0; i < 6; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("a " + what + " is 6 digits");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    public static String format(int value) {
        String s = Integer.toString(value);
        return "000000".substring(s.length()) + s;
    }
}
