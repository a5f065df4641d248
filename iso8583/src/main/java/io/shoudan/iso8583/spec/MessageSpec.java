package io.shoudan.iso8583.spec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message layout as data: how the MTI is written, and for each field number its {@link FieldSpec}. The bitmap
 * is always binary (8 bytes, and 8 more when bit 1 announces a secondary bitmap); a spec whose highest field is
 * 64 refuses secondary bitmaps. Text fields hold bytes; the charset a person reads them in is ASCII unless the
 * spec names another for the field ({@link #textCharset}).
 */
public final class MessageSpec {

    private final String name;
    private final Encoding mtiEncoding;
    private final FieldSpec[] fields;
    private final Map<Integer, List<SubFieldSpec>> subFields;
    private final Map<Integer, Charset> textCharsets;
    private final int highestField;

    private MessageSpec(String name, Encoding mtiEncoding, FieldSpec[] fields, Map<Integer, List<SubFieldSpec>> subFields,
                        Map<Integer, Charset> textCharsets) {
        this.name = name;
        this.mtiEncoding = mtiEncoding;
        this.fields = fields;
        this.subFields = subFields;
        this.textCharsets = textCharsets;
        int highest = 0;
        for (int n = 2; n <= 128; n++) {
            if (fields[n] != null) {
                highest = n;
            }
        }
        this.highestField = highest;
    }

    public static Builder builder(String name, Encoding mtiEncoding) {
        return new Builder(name, mtiEncoding);
    }

    public String name() {
        return name;
    }

    public Encoding mtiEncoding() {
        return mtiEncoding;
    }

    /** The field's spec, or {@code null} when the spec does not define the field. */
    public FieldSpec field(int number) {
        return number >= 2 && number <= 128 ? fields[number] : null;
    }

    public boolean defines(int number) {
        return field(number) != null;
    }

    /** Whether fields 65..128 (and so a secondary bitmap) exist in this spec. */
    public boolean allowsSecondaryBitmap() {
        return highestField > 64;
    }

    /** The positional sub-fields of a field, empty when it has none. */
    public List<SubFieldSpec> subFields(int number) {
        return subFields.getOrDefault(number, List.of());
    }

    /**
     * The charset a text field's bytes are written in: US-ASCII unless the spec says otherwise (GBK for the
     * Chinese private data of CUP field 63). The codec itself moves bytes and does not use it.
     */
    public Charset textCharset(int number) {
        return textCharsets.getOrDefault(number, StandardCharsets.US_ASCII);
    }

    /** All defined fields in number order. */
    public List<FieldSpec> fields() {
        List<FieldSpec> list = new ArrayList<>();
        for (FieldSpec f : fields) {
            if (f != null) {
                list.add(f);
            }
        }
        return Collections.unmodifiableList(list);
    }

    @Override
    public String toString() {
        return "MessageSpec[" + name + "]";
    }

    /** Collects field definitions; every shorthand states its encoding, nothing is inferred. */
    public static final class Builder {
        private final String name;
        private final Encoding mtiEncoding;
        private final FieldSpec[] fields = new FieldSpec[129];
        private final Map<Integer, List<SubFieldSpec>> subFields = new LinkedHashMap<>();
        private final Map<Integer, Charset> textCharsets = new LinkedHashMap<>();

        private Builder(String name, Encoding mtiEncoding) {
            this.name = Objects.requireNonNull(name, "name");
            this.mtiEncoding = Objects.requireNonNull(mtiEncoding, "mtiEncoding");
            if (mtiEncoding == Encoding.BINARY) {
                throw new IllegalArgumentException("an MTI is BCD or ASCII");
            }
        }

        public Builder field(FieldSpec spec) {
            if (fields[spec.number()] != null) {
                throw new IllegalArgumentException("field " + spec.number() + " defined twice in " + name);
            }
            fields[spec.number()] = spec;
            return this;
        }

        public Builder subFields(int number, SubFieldSpec... layout) {
            if (fields[number] == null) {
                throw new IllegalArgumentException("sub-fields for undefined field " + number);
            }
            subFields.put(number, List.of(layout));
            return this;
        }

        /** Names the charset of a text field's bytes (e.g. GBK for Chinese); ASCII-compatible charsets only. */
        public Builder textCharset(int number, Charset charset) {
            if (fields[number] == null || fields[number].content() != Content.TEXT) {
                throw new IllegalArgumentException("a charset for field " + number + ", which is not a text field of " + name);
            }
            if (!new String(new byte[]{'A', '0', ' '}, charset).equals("A0 ")) {
                throw new IllegalArgumentException("field " + number + ": " + charset + " does not keep ASCII as it is");
            }
            textCharsets.put(number, Objects.requireNonNull(charset, "charset"));
            return this;
        }

        public MessageSpec build() {
            return new MessageSpec(name, mtiEncoding, fields.clone(), Map.copyOf(subFields), Map.copyOf(textCharsets));
        }
    }
}
