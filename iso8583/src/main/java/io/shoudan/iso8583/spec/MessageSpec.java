package io.shoudan.iso8583.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message layout as data: how the MTI is written, and for each field number its {@link FieldSpec}. The bitmap
 * is always binary (8 bytes, and 8 more when bit 1 announces a secondary bitmap); a spec whose highest field is
 * 64 refuses secondary bitmaps.
 */
public final class MessageSpec {

    private final String name;
    private final Encoding mtiEncoding;
    private final FieldSpec[] fields;
    private final Map<Integer, List<SubFieldSpec>> subFields;
    private final int highestField;

    private MessageSpec(String name, Encoding mtiEncoding, FieldSpec[] fields, Map<Integer, List<SubFieldSpec>> subFields) {
        this.name = name;
        this.mtiEncoding = mtiEncoding;
        this.fields = fields;
        this.subFields = subFields;
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

        public MessageSpec build() {
            return new MessageSpec(name, mtiEncoding, fields.clone(), Map.copyOf(subFields));
        }
    }
}
