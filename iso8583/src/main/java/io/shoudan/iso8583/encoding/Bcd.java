package io.shoudan.iso8583.encoding;

/**
 * Packed BCD through lookup tables: two decimal digits (or track-2 symbols, where {@code =} is nibble D) per
 * byte. Callers validate characters before encoding; decoding validates bytes through {@link #isNumeric} /
 * {@link #isTrack} before turning them into characters.
 */
public final class Bcd {
    private Bcd() {
    }

    /** Nibble for a character ('0'..'9' → 0..9, '=' and 'D' → 0xD), or -1. */
    private static final byte[] NIBBLE = new byte[128];
    /** For each byte, whether both nibbles are 0..9. */
    private static final boolean[] NUMERIC_BYTE = new boolean[256];
    /** For each byte, whether both nibbles are 0..9 or D. */
    private static final boolean[] TRACK_BYTE = new boolean[256];
    /** Two ASCII characters per byte value for numeric content; index {@code 2*b}. */
    private static final byte[] NUMERIC_PAIRS = new byte[512];
    /** Two ASCII characters per byte value for track content (D as '='). */
    private static final byte[] TRACK_PAIRS = new byte[512];
    private static final byte[] NUMERIC_SYMBOL = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TRACK_SYMBOL = "0123456789ABC=EF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static {
        java.util.Arrays.fill(NIBBLE, (byte) -1);
        for (int d = 0; d <= 9; d++) {
            NIBBLE['0' + d] = (byte) d;
        }
        NIBBLE['='] = 0xD;
        NIBBLE['D'] = 0xD;
        for (int b = 0; b < 256; b++) {
            int hi = b >>> 4;
            int lo = b & 0xF;
            NUMERIC_BYTE[b] = hi <= 9 && lo <= 9;
            TRACK_BYTE[b] = (hi <= 9 || hi == 0xD) && (lo <= 9 || lo == 0xD);
            NUMERIC_PAIRS[2 * b] = NUMERIC_SYMBOL[hi];
            NUMERIC_PAIRS[2 * b + 1] = NUMERIC_SYMBOL[lo];
            TRACK_PAIRS[2 * b] = TRACK_SYMBOL[hi];
            TRACK_PAIRS[2 * b + 1] = TRACK_SYMBOL[lo];
        }
    }

    /** Nibble of a digit or track symbol, -1 when the character is neither. */
    public static int nibble(char c) {
        return c < 128 ? NIBBLE[c] : -1;
    }

    public static boolean isNumeric(int unsignedByte) {
        return NUMERIC_BYTE[unsignedByte];
    }

    public static boolean isTrack(int unsignedByte) {
        return TRACK_BYTE[unsignedByte];
    }

    /** Whether a single nibble is a digit (or, for track content, D). */
    public static boolean isSymbolNibble(int nibble, boolean track) {
        return nibble <= 9 || (track && nibble == 0xD);
    }

    /**
     * Writes {@code ascii} (validated digits/track symbols, one byte each) as BCD at {@code pos}; returns the position after it.
     * An odd count is padded with {@code padNibble} at the end ({@code leftJustified}) or the start.
     */
    public static int encode(byte[] ascii, byte[] out, int pos, boolean leftJustified, int padNibble) {
        // Validated symbols are '0'..'9' (0x30..0x39) and '=' (0x3D): the low nibble of the character is the
        // BCD nibble, so no table is needed; eight characters are packed at a time as one 64-bit word.
        int n = ascii.length;
        int i = 0;
        if ((n & 1) != 0 && !leftJustified) {
            out[pos++] = (byte) ((padNibble << 4) | (ascii[0] & 0xF));
            i = 1;
        }
        while (n - i >= 8) {
            long x = (long) LONG_BE.get(ascii, i) & 0x0F0F0F0F0F0F0F0FL;
            long y = ((x >>> 4) | x) & 0x00FF00FF00FF00FFL;
            long z = (y | (y >>> 8)) & 0x0000FFFF0000FFFFL;
            INT_BE.set(out, pos, (int) (z | (z >>> 16)));
            pos += 4;
            i += 8;
        }
        if (n - i >= 4) {
            int x = (int) INT_BE.get(ascii, i) & 0x0F0F0F0F;
            int y = ((x >>> 4) | x) & 0x00FF00FF;
            SHORT_BE.set(out, pos, (short) (y | (y >>> 8)));
            pos += 2;
            i += 4;
        }
        if (n - i >= 2) {
            out[pos++] = (byte) (((ascii[i] & 0xF) << 4) | (ascii[i + 1] & 0xF));
            i += 2;
        }
        if (i < n) {
            out[pos++] = (byte) (((ascii[i] & 0xF) << 4) | padNibble);
        }
        return pos;
    }

    private static final java.lang.invoke.VarHandle LONG_BE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle SHORT_BE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(short[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle INT_BE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /**
     * Decodes {@code units} symbols from validated BCD at {@code pos} into ASCII bytes at {@code dst[0..units)}.
     */
    public static void decode(byte[] in, int pos, int units, boolean leftJustified, boolean track, byte[] dst) {
        byte[] pairs = track ? TRACK_PAIRS : NUMERIC_PAIRS;
        int d = 0;
        if ((units & 1) != 0 && !leftJustified) {
            dst[d++] = pairs[2 * (in[pos++] & 0xFF) + 1];
        }
        while (units - d >= 2) {
            int b = 2 * (in[pos++] & 0xFF);
            dst[d++] = pairs[b];
            dst[d++] = pairs[b + 1];
        }
        if (d < units) {
            dst[d] = pairs[2 * (in[pos] & 0xFF)];
        }
    }

    /**
     * Checks BCD content: every symbol nibble a digit (or D for track), the pad nibble of an odd count 0 or F.
     * Returns the index of the first bad byte relative to {@code pos}, or -1 when all are good.
     */
    public static int firstInvalid(byte[] in, int pos, int units, boolean leftJustified, boolean track) {
        int bytes = (units + 1) >>> 1;
        boolean[] ok = track ? TRACK_BYTE : NUMERIC_BYTE;
        boolean odd = (units & 1) != 0;
        int from = 0;
        int to = bytes;
        if (odd && !leftJustified) {
            int b = in[pos] & 0xFF;
            if (!isPad(b >>> 4) || !isSymbolNibble(b & 0xF, track)) {
                return 0;
            }
            from = 1;
        } else if (odd) {
            int b = in[pos + bytes - 1] & 0xFF;
            if (!isSymbolNibble(b >>> 4, track) || !isPad(b & 0xF)) {
                return bytes - 1;
            }
            to = bytes - 1;
        }
        int i = from;
        if (!track) {
            // Eight bytes at a time: a nibble is a digit iff adding 6 does not carry into bit 4.
            for (; to - i >= 8; i += 8) {
                long v = (long) LONG_BE.get(in, pos + i);
                long hi = (v >>> 4) & 0x0F0F0F0F0F0F0F0FL;
                long lo = v & 0x0F0F0F0F0F0F0F0FL;
                if ((((hi + 0x0606060606060606L) | (lo + 0x0606060606060606L)) & 0xF0F0F0F0F0F0F0F0L) != 0) {
                    break;
                }
            }
        }
        for (; i < to; i++) {
            if (!ok[in[pos + i] & 0xFF]) {
                return i;
            }
        }
        return -1;
    }

    /** The value 0..99 of a BCD byte, or -1 when a nibble is not a digit: for length prefixes. */
    public static int value(int unsignedByte) {
        return VALUE[unsignedByte];
    }

    private static final byte[] VALUE = new byte[256];

    static {
        for (int b = 0; b < 256; b++) {
            VALUE[b] = NUMERIC_BYTE[b] ? (byte) ((b >>> 4) * 10 + (b & 0xF)) : -1;
        }
    }

    private static boolean isPad(int nibble) {
        return nibble == 0x0 || nibble == 0xF;
    }
}
