package io.shoudan.iso8583.spec;

/**
 * What a field may contain, in ISO 8583 notation.
 *
 * <ul>
 *   <li>{@code NUMERIC} (n): decimal digits.</li>
 *   <li>{@code TRACK} (z): magnetic track data: digits and the field separator {@code =} (written as nibble D in
 *       BCD).</li>
 *   <li>{@code TEXT} (a, an, ans): characters; on the wire one byte each. Held as ISO-8859-1 so that any byte
 *       (for instance GBK-encoded Chinese in a private field) survives a round trip.</li>
 *   <li>{@code BINARY} (b): bytes; lengths count bytes.</li>
 * </ul>
 */
public enum Content {
    NUMERIC,
    TRACK,
    TEXT,
    BINARY
}
