package io.shoudan.iso8583.encoding;

import java.util.HexFormat;

/** Upper-case hexadecimal, the way payment people write bytes. */
public final class Hex {
    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }

    public static String encode(byte[] bytes, int from, int to) {
        return UPPER.formatHex(bytes, from, to);
    }

    /** Parses hex (either case, no separators); throws {@link IllegalArgumentException} on anything else. */
    public static byte[] decode(String hex) {
        if ((hex.length() & 1) != 0) {
            throw new IllegalArgumentException("hex must have an even number of digits, had " + hex.length());
        }
        return HexFormat.of().parseHex(hex);
    }
}
