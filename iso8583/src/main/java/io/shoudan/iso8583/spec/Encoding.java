package io.shoudan.iso8583.spec;

/**
 * How characters or a length prefix are written on the wire.
 *
 * <ul>
 *   <li>{@code BCD}: two decimal digits (or track-2 symbols) per byte; a length prefix is 1 byte (LL) or
 *       2 bytes (LLL, the first nibble 0).</li>
 *   <li>{@code ASCII}: one byte per character; a length prefix is 2 or 3 ASCII digits.</li>
 *   <li>{@code BINARY}: raw bytes; a length prefix is an unsigned big-endian number of 1 or 2 bytes.</li>
 * </ul>
 */
public enum Encoding {
    BCD,
    ASCII,
    BINARY;

    /** Bytes a length prefix of {@code digits} decimal digits takes in this encoding. */
    public int prefixBytes(int digits) {
        return switch (this) {
            case BCD, BINARY -> (digits + 1) / 2;
            case ASCII -> digits;
        };
    }
}
