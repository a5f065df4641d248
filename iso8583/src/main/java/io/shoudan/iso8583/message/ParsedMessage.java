package io.shoudan.iso8583.message;

import io.shoudan.iso8583.encoding.Bcd;
import io.shoudan.iso8583.encoding.Hex;
import io.shoudan.iso8583.spec.MessageSpec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A message read from an image: the image is validated, each present field is recorded as (offset, length)
 * and its value is only turned into a String or bytes when asked for. Immutable as long as the image array
 * is not changed. {@link #toString()} masks card data and hides PIN blocks and keys.
 */
public final class ParsedMessage implements UnpackOutcome, FieldView {

    private final Iso8583Codec codec;
    private final byte[] image;
    private final int start;
    private final int end;
    private final long primary;
    private final long secondary;
    /** Per present field in bitmap order: content offset in the image (high 32 bits) and units (low 32). */
    private final long[] slots;

    ParsedMessage(Iso8583Codec codec, byte[] image, int start, int end, long primary, long secondary, long[] slots) {
        this.codec = codec;
        this.image = image;
        this.start = start;
        this.end = end;
        this.primary = primary;
        this.secondary = secondary;
        this.slots = slots;
    }

    @Override
    public MessageSpec spec() {
        return codec.spec();
    }

    @Override
    public String mti() {
        if (spec().mtiEncoding() == io.shoudan.iso8583.spec.Encoding.BCD) {
            byte[] digits = new byte[4];
            Bcd.decode(image, start, 4, true, false, digits);
            return new String(digits, StandardCharsets.ISO_8859_1);
        }
        return new String(image, start, 4, StandardCharsets.ISO_8859_1);
    }

    /** The MTI as a number (200 for {@code 0200}), without creating a String. */
    public int mtiNumber() {
        if (spec().mtiEncoding() == io.shoudan.iso8583.spec.Encoding.BCD) {
            int a = image[start] & 0xFF;
            int b = image[start + 1] & 0xFF;
            return (a >>> 4) * 1000 + (a & 0xF) * 100 + (b >>> 4) * 10 + (b & 0xF);
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = v * 10 + (image[start + i] - '0');
        }
        return v;
    }

    @Override
    public boolean has(int field) {
        if (field >= 2 && field <= 64) {
            return ((primary << (field - 1)) & Long.MIN_VALUE) != 0;
        }
        if (field >= 65 && field <= 128) {
            return ((secondary << (field - 65)) & Long.MIN_VALUE) != 0;
        }
        return false;
    }

    @Override
    public int[] fieldNumbers() {
        int[] numbers = new int[slots.length];
        int i = 0;
        for (int n = 2; n <= 128; n++) {
            if (has(n)) {
                numbers[i++] = n;
            }
        }
        return numbers;
    }

    /** Slot index of a present field: the number of present fields before it (a popcount, no search). */
    private int slotOf(int field) {
        long flagless = primary & Long.MAX_VALUE;
        if (field <= 64) {
            return Long.bitCount(flagless & ~(-1L >>> (field - 1)));
        }
        int k = field - 65;
        return Long.bitCount(flagless) + (k == 0 ? 0 : Long.bitCount(secondary & ~(-1L >>> k)));
    }

    /** Offset of the field's content (after any length prefix) in the image; -1 when absent. */
    public int contentOffset(int field) {
        return has(field) ? (int) (slots[slotOf(field)] >>> 32) : -1;
    }

    /** Length in units (digits, characters or bytes); -1 when absent. */
    public int units(int field) {
        return has(field) ? (int) slots[slotOf(field)] : -1;
    }

    /** Offset of the field's first byte (its length prefix, if any) in the image; -1 when absent. */
    public int fieldOffset(int field) {
        return has(field) ? contentOffset(field) - codec.prefixBytes[field] : -1;
    }

    /** The image array this message reads from (not a copy). */
    public byte[] image() {
        return image;
    }

    /** Offset of the MTI in {@link #image()}. */
    public int start() {
        return start;
    }

    /** Offset just after the last field in {@link #image()}. */
    public int end() {
        return end;
    }

    @Override
    public String getString(int field) {
        if (!has(field)) {
            return null;
        }
        long s = slots[slotOf(field)];
        int off = (int) (s >>> 32);
        int units = (int) s;
        switch (codec.kind[field]) {
            case Iso8583Codec.K_BCD_NUMERIC, Iso8583Codec.K_BCD_TRACK -> {
                byte[] chars = new byte[units];
                Bcd.decode(image, off, units, codec.leftJustified[field], codec.kind[field] == Iso8583Codec.K_BCD_TRACK, chars);
                return new String(chars, StandardCharsets.ISO_8859_1);
            }
            case Iso8583Codec.K_BINARY -> {
                return Hex.encode(image, off, off + units);
            }
            default -> {
                return new String(image, off, units, StandardCharsets.ISO_8859_1);
            }
        }
    }

    /**
     * A numeric field (BCD or ASCII digits, at most 18) as a number, without creating a String: amounts in fen,
     * trace numbers, processing codes.
     *
     * @throws IllegalArgumentException when the field is absent, not numeric or longer than 18 digits
     */
    public long getLong(int field) {
        int k = codec.kind[field < 0 || field > 128 ? 0 : field];
        if (!has(field) || (k != Iso8583Codec.K_BCD_NUMERIC && k != Iso8583Codec.K_ASCII_NUMERIC)) {
            throw new IllegalArgumentException("field " + field + " is absent or not numeric");
        }
        long s = slots[slotOf(field)];
        int off = (int) (s >>> 32);
        int units = (int) s;
        if (units > 18) {
            throw new IllegalArgumentException("field " + field + " has " + units + " digits, more than a long holds");
        }
        long v = 0;
        if (k == Iso8583Codec.K_ASCII_NUMERIC) {
            for (int i = 0; i < units; i++) {
                v = v * 10 + (image[off + i] - '0');
            }
            return v;
        }
        int bytes = (units + 1) >>> 1;
        boolean padFirst = (units & 1) != 0 && !codec.leftJustified[field];
        boolean padLast = (units & 1) != 0 && codec.leftJustified[field];
        for (int i = 0; i < bytes; i++) {
            int b = image[off + i] & 0xFF;
            if (!(padFirst && i == 0)) {
                v = v * 10 + (b >>> 4);
            }
            if (!(padLast && i == bytes - 1)) {
                v = v * 10 + (b & 0xF);
            }
        }
        return v;
    }

    @Override
    public byte[] getBytes(int field) {
        if (!has(field)) {
            return null;
        }
        long s = slots[slotOf(field)];
        int off = (int) (s >>> 32);
        int bytes = codec.contentBytes(field, (int) s);
        return Arrays.copyOfRange(image, off, off + bytes);
    }

    /** A mutable copy, for building a response from a request. */
    public IsoMessage toMessage() {
        IsoMessage m = new IsoMessage(spec(), mti());
        for (int n : fieldNumbers()) {
            if (codec.isBinary(n)) {
                m.setBytes(n, getBytes(n));
            } else {
                m.set(n, getString(n));
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return MessagePrinter.render(this);
    }
}
