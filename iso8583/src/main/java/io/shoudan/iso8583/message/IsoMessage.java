package io.shoudan.iso8583.message;

import io.shoudan.iso8583.encoding.Bcd;
import io.shoudan.iso8583.spec.Content;
import io.shoudan.iso8583.spec.FieldSpec;
import io.shoudan.iso8583.spec.Justify;
import io.shoudan.iso8583.spec.LengthType;
import io.shoudan.iso8583.spec.MessageSpec;
import io.shoudan.iso8583.encoding.Hex;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A message being built: an MTI and field values, each checked against the spec when it is set (so packing
 * cannot fail on content). Fixed-length values shorter than their field are padded as the spec says: numbers
 * with leading zeros, text with trailing spaces. Not thread-safe; {@link #toString()} masks card data and hides
 * PIN blocks and keys.
 */
public final class IsoMessage implements FieldView {

    private final MessageSpec spec;
    private String mti;
    private long primaryBits;
    private long secondaryBits;
    /**
     * Per field number: the value as bytes — ASCII characters for numeric, track and text fields (so packing
     * copies or BCD-packs bytes without touching a String), raw bytes for binary fields.
     */
    private final byte[][] values = new byte[129][];

    public IsoMessage(MessageSpec spec, String mti) {
        this.spec = Objects.requireNonNull(spec, "spec");
        setMti(mti);
    }

    @Override
    public MessageSpec spec() {
        return spec;
    }

    @Override
    public String mti() {
        return mti;
    }

    public IsoMessage setMti(String mti) {
        if (mti == null || mti.length() != 4) {
            throw new InvalidFieldException(0, "the MTI must be 4 digits");
        }
        for (int i = 0; i < 4; i++) {
            char c = mti.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidFieldException(0, "the MTI must be 4 digits");
            }
        }
        this.mti = mti;
        return this;
    }

    /** Sets a numeric, track or text field. Binary fields take {@link #setBytes} or {@link #setHex}. */
    public IsoMessage set(int field, String value) {
        FieldSpec f = defined(field);
        Objects.requireNonNull(value, "value");
        if (f.content() == Content.BINARY) {
            throw new InvalidFieldException(field, "binary field, set it as bytes or hex");
        }
        String normal = normalise(f, value);
        values[field] = normal.getBytes(StandardCharsets.ISO_8859_1);
        mark(field);
        return this;
    }

    /** Sets a binary field, or a text field from raw bytes (kept byte for byte). The array is copied. */
    public IsoMessage setBytes(int field, byte[] value) {
        FieldSpec f = defined(field);
        Objects.requireNonNull(value, "value");
        if (f.content() == Content.TEXT) {
            return set(field, new String(value, StandardCharsets.ISO_8859_1));
        }
        if (f.content() != Content.BINARY) {
            throw new InvalidFieldException(field, "numeric field, set it as digits");
        }
        checkLength(f, value.length, "bytes");
        values[field] = value.clone();
        mark(field);
        return this;
    }

    /** Sets a binary field from hex. */
    public IsoMessage setHex(int field, String hex) {
        FieldSpec f = defined(field);
        if (f.content() != Content.BINARY) {
            throw new InvalidFieldException(field, "not a binary field");
        }
        byte[] bytes;
        try {
            bytes = Hex.decode(hex);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "not valid hex");
        }
        return setBytes(field, bytes);
    }

    public IsoMessage unset(int field) {
        if (field >= 2 && field <= 128) {
            values[field] = null;
            if (field <= 64) {
                primaryBits &= ~(Long.MIN_VALUE >>> (field - 1));
            } else {
                secondaryBits &= ~(Long.MIN_VALUE >>> (field - 65));
            }
        }
        return this;
    }

    @Override
    public boolean has(int field) {
        if (field < 2 || field > 128) {
            return false;
        }
        return values[field] != null;
    }

    @Override
    public int[] fieldNumbers() {
        int[] numbers = new int[Long.bitCount(primaryBits) + Long.bitCount(secondaryBits)];
        int i = 0;
        for (int n = 2; n <= 128; n++) {
            if (has(n)) {
                numbers[i++] = n;
            }
        }
        return numbers;
    }

    @Override
    public String getString(int field) {
        if (!has(field)) {
            return null;
        }
        byte[] v = values[field];
        return spec.field(field).content() == Content.BINARY ? Hex.encode(v) : new String(v, StandardCharsets.ISO_8859_1);
    }

    @Override
    public byte[] getBytes(int field) {
        if (!has(field)) {
            return null;
        }
        FieldSpec f = spec.field(field);
        byte[] v = values[field];
        if (f.encoding() != io.shoudan.iso8583.spec.Encoding.BCD) {
            return v.clone();
        }
        byte[] out = new byte[f.contentBytes(v.length)];
        Bcd.encode(v, out, 0, f.justify() == Justify.LEFT, f.padNibble());
        return out;
    }

    /** Bitmap bits for fields 2..64 (bit 1, the secondary-bitmap flag, is set by the codec). */
    long primaryBits() {
        return primaryBits;
    }

    long secondaryBits() {
        return secondaryBits;
    }

    /** The stored bytes (not a copy): ASCII characters, or raw bytes for binary fields. */
    byte[] value(int field) {
        return values[field];
    }

    @Override
    public String toString() {
        return MessagePrinter.render(this);
    }

    private FieldSpec defined(int field) {
        FieldSpec f = spec.field(field);
        if (f == null) {
            throw new InvalidFieldException(field, "not defined in spec " + spec.name());
        }
        return f;
    }

    private void mark(int field) {
        if (field <= 64) {
            primaryBits |= Long.MIN_VALUE >>> (field - 1);
        } else {
            secondaryBits |= Long.MIN_VALUE >>> (field - 65);
        }
    }

    private static String normalise(FieldSpec f, String value) {
        int n = value.length();
        switch (f.content()) {
            case NUMERIC -> {
                for (int i = 0; i < n; i++) {
                    char c = value.charAt(i);
                    if (c < '0' || c > '9') {
                        throw new InvalidFieldException(f.number(), "character " + (i + 1) + " is not a digit");
                    }
                }
            }
            case TRACK -> {
                boolean changed = false;
                for (int i = 0; i < n; i++) {
                    char c = value.charAt(i);
                    if (c == 'D' || c == 'd') {
                        changed = true;
                    } else if ((c < '0' || c > '9') && c != '=') {
                        throw new InvalidFieldException(f.number(), "character " + (i + 1) + " is not a track-2 symbol (digit or =)");
                    }
                }
                if (changed) {
                    value = value.replace('D', '=').replace('d', '=');
                }
            }
            case TEXT -> {
                for (int i = 0; i < n; i++) {
                    if (value.charAt(i) > 0xFF) {
                        throw new InvalidFieldException(f.number(),
                                "character " + (i + 1) + " is not a single byte (encode Chinese text to bytes first)");
                    }
                }
            }
            case BINARY -> throw new IllegalStateException("binary handled by setBytes");
        }
        checkLength(f, n, f.content() == Content.TEXT ? "characters" : "digits");
        if (f.lengthType() == LengthType.FIXED && n < f.length()) {
            boolean text = f.content() == Content.TEXT;
            if (!text && f.justify() == Justify.LEFT) {
                throw new InvalidFieldException(f.number(), n + " digits, the field takes exactly " + f.length());
            }
            StringBuilder padded = new StringBuilder(f.length());
            if (text) {
                padded.append(value);
                while (padded.length() < f.length()) {
                    padded.append(' ');
                }
            } else {
                while (padded.length() < f.length() - n) {
                    padded.append('0');
                }
                padded.append(value);
            }
            value = padded.toString();
        }
        return value;
    }

    private static void checkLength(FieldSpec f, int n, String unit) {
        if (n > f.length()) {
            throw new InvalidFieldException(f.number(), n + " " + unit + ", the most is " + f.length());
        }
        if (f.lengthType() == LengthType.FIXED && f.content() == Content.BINARY && n != f.length()) {
            throw new InvalidFieldException(f.number(), n + " " + unit + ", the field takes exactly " + f.length());
        }
    }
}
