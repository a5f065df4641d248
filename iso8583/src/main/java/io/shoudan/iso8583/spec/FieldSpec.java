package io.shoudan.iso8583.spec;

import java.util.Objects;

/**
 * One data element of a message spec: everything the codec needs to write and read it.
 *
 * @param number         field number, 2..128 (1 is the secondary bitmap and is implied by the spec)
 * @param name           human name, for printing
 * @param lengthType     fixed or LL/LLL variable
 * @param length         for fixed fields the exact length, for variable fields the maximum; in digits for
 *                       numeric/track content, characters for text, bytes for binary
 * @param content        what the field may hold
 * @param encoding       how the content is written
 * @param prefixEncoding how a variable field's length prefix is written (ignored for fixed fields)
 * @param justify        where an odd BCD digit count or a short fixed value is padded
 * @param padNibble      the nibble that pads an odd BCD digit count (0x0 or 0xF)
 * @param sensitivity    how the field is shown when printed
 */
public record FieldSpec(
        int number,
        String name,
        LengthType lengthType,
        int length,
        Content content,
        Encoding encoding,
        Encoding prefixEncoding,
        Justify justify,
        int padNibble,
        Sensitivity sensitivity) {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lengthType, "lengthType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(prefixEncoding, "prefixEncoding");
        Objects.requireNonNull(justify, "justify");
        Objects.requireNonNull(sensitivity, "sensitivity");
        if (number < 2 || number > 128) {
            throw new IllegalArgumentException("field number must be 2..128, was " + number);
        }
        if (length < 1 || length > lengthType.prefixCapacity()) {
            throw new IllegalArgumentException("field " + number + ": length " + length + " out of range for " + lengthType);
        }
        if (padNibble != 0x0 && padNibble != 0xF) {
            throw new IllegalArgumentException("field " + number + ": pad nibble must be 0 or F");
        }
        boolean consistent = switch (content) {
            case NUMERIC, TRACK -> encoding == Encoding.BCD || encoding == Encoding.ASCII;
            case TEXT -> encoding == Encoding.ASCII;
            case BINARY -> encoding == Encoding.BINARY;
        };
        if (!consistent) {
            throw new IllegalArgumentException("field " + number + ": " + content + " content cannot be " + encoding + "-encoded");
        }
    }

    /** Bytes the content of {@code units} characters/digits/bytes takes on the wire. */
    public int contentBytes(int units) {
        return encoding == Encoding.BCD ? (units + 1) / 2 : units;
    }

    /** Bytes of the length prefix (0 for fixed fields). */
    public int prefixBytes() {
        return lengthType == LengthType.FIXED ? 0 : prefixEncoding.prefixBytes(lengthType.prefixDigits());
    }

    /** Short ISO-style format, e.g. {@code n6}, {@code LLVAR n..19}, {@code b64}. */
    public String format() {
        String type = switch (content) {
            case NUMERIC -> "n";
            case TRACK -> "z";
            case TEXT -> "ans";
            case BINARY -> "b";
        };
        if (lengthType == LengthType.FIXED) {
            return content == Content.BINARY ? type + (length * 8) : type + length;
        }
        return lengthType + " " + type + ".." + length;
    }
}
