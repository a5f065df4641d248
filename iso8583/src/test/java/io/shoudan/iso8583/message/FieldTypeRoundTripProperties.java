package io.shoudan.iso8583.message;

import io.shoudan.iso8583.spec.Content;
import io.shoudan.iso8583.spec.Encoding;
import io.shoudan.iso8583.spec.FieldSpec;
import io.shoudan.iso8583.spec.Justify;
import io.shoudan.iso8583.spec.LengthType;
import io.shoudan.iso8583.spec.MessageSpec;
import io.shoudan.iso8583.spec.Sensitivity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every field type (fixed / LL / LLL × BCD / ASCII / binary, odd and even BCD digit counts, left and right
 * justification, 0 and F pad nibbles, BCD / ASCII / binary length prefixes, primary and secondary bitmap): any
 * valid value packs and unpacks to itself, and the image re-packs byte for byte.
 */
class FieldTypeRoundTripProperties {

    static final MessageSpec TYPES = MessageSpec.builder("types", Encoding.BCD)
            .field(f(2, LengthType.FIXED, 7, Content.NUMERIC, Encoding.BCD, Encoding.BCD, Justify.RIGHT, 0))
            .field(f(3, LengthType.FIXED, 6, Content.NUMERIC, Encoding.BCD, Encoding.BCD, Justify.RIGHT, 0))
            .field(f(4, LengthType.FIXED, 5, Content.NUMERIC, Encoding.BCD, Encoding.BCD, Justify.LEFT, 0))
            .field(f(5, LengthType.LLVAR, 19, Content.NUMERIC, Encoding.BCD, Encoding.BCD, Justify.LEFT, 0))
            .field(f(6, LengthType.LLLVAR, 999, Content.NUMERIC, Encoding.BCD, Encoding.BCD, Justify.RIGHT, 0))
            .field(f(7, LengthType.LLVAR, 37, Content.TRACK, Encoding.BCD, Encoding.BCD, Justify.LEFT, 0))
            .field(f(8, LengthType.FIXED, 10, Content.TEXT, Encoding.ASCII, Encoding.ASCII, Justify.LEFT, 0))
            .field(f(9, LengthType.LLVAR, 99, Content.TEXT, Encoding.ASCII, Encoding.BCD, Justify.LEFT, 0))
            .field(f(10, LengthType.LLLVAR, 999, Content.TEXT, Encoding.ASCII, Encoding.ASCII, Justify.LEFT, 0))
            .field(f(11, LengthType.FIXED, 8, Content.BINARY, Encoding.BINARY, Encoding.BINARY, Justify.LEFT, 0))
            .field(f(12, LengthType.LLVAR, 99, Content.BINARY, Encoding.BINARY, Encoding.BCD, Justify.LEFT, 0))
            .field(f(13, LengthType.LLLVAR, 999, Content.BINARY, Encoding.BINARY, Encoding.BINARY, Justify.LEFT, 0))
            .field(f(14, LengthType.LLVAR, 20, Content.NUMERIC, Encoding.ASCII, Encoding.ASCII, Justify.LEFT, 0))
            .field(f(15, LengthType.FIXED, 4, Content.NUMERIC, Encoding.ASCII, Encoding.ASCII, Justify.RIGHT, 0))
            .field(f(16, LengthType.FIXED, 3, Content.NUMERIC, Encoding.BCD, Encoding.BCD, Justify.RIGHT, 0xF))
            .field(f(17, LengthType.LLVAR, 11, Content.NUMERIC, Encoding.BCD, Encoding.BCD, Justify.LEFT, 0xF))
            .field(f(18, LengthType.LLLVAR, 104, Content.TRACK, Encoding.BCD, Encoding.BCD, Justify.RIGHT, 0))
            .field(f(19, LengthType.LLVAR, 99, Content.BINARY, Encoding.BINARY, Encoding.ASCII, Justify.LEFT, 0))
            .field(f(64, LengthType.FIXED, 8, Content.BINARY, Encoding.BINARY, Encoding.BINARY, Justify.LEFT, 0))
            .field(f(70, LengthType.FIXED, 3, Content.NUMERIC, Encoding.BCD, Encoding.BCD, Justify.RIGHT, 0))
            .field(f(128, LengthType.FIXED, 8, Content.BINARY, Encoding.BINARY, Encoding.BINARY, Justify.LEFT, 0))
            .build();

    static final Iso8583Codec CODEC = new Iso8583Codec(TYPES);
    static final List<Integer> TEXTUAL = List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 18, 70);

    private static FieldSpec f(int n, LengthType t, int len, Content c, Encoding e, Encoding pe, Justify j, int pad) {
        return new FieldSpec(n, "test " + n, t, len, c, e, pe, j, pad, Sensitivity.PUBLIC);
    }

    @Provide
    Arbitrary<Integer> textualField() {
        return Arbitraries.of(TEXTUAL);
    }

    @Property(tries = 2000)
    void anyValidValueOfATextualFieldRoundTrips(@ForAll("textualField") int field, @ForAll("seed") long seed) {
        String value = valueFor(TYPES.field(field), new java.util.Random(seed));
        IsoMessage m = CODEC.newMessage("0200").set(field, value).setBytes(64, new byte[]{1, 2, 3, 4, 5, 6, 7, 8});
        assertRoundTrip(m, field);
    }

    @Property(tries = 1000)
    void anyValidValueOfABinaryFieldRoundTrips(@ForAll("binaryField") int field, @ForAll @IntRange(min = 0, max = 999) int length,
                                               @ForAll("seed") long seed) {
        FieldSpec f = TYPES.field(field);
        int n = f.lengthType() == LengthType.FIXED ? f.length() : Math.min(length, f.length());
        byte[] value = new byte[n];
        new java.util.Random(seed).nextBytes(value);
        IsoMessage m = CODEC.newMessage("0210").setBytes(field, value).set(3, "123456");
        assertRoundTrip(m, field);
        assertThat(CODEC.unpackOrThrow(CODEC.pack(m)).getBytes(field)).isEqualTo(value);
    }

    @Property(tries = 500)
    void aMessageWithEveryFieldTypeAtOnceRoundTrips(@ForAll("seed") long seed) {
        java.util.Random r = new java.util.Random(seed);
        IsoMessage m = CODEC.newMessage("0420");
        for (FieldSpec f : TYPES.fields()) {
            if (!r.nextBoolean()) {
                continue;
            }
            if (f.content() == Content.BINARY) {
                byte[] b = new byte[f.lengthType() == LengthType.FIXED ? f.length() : r.nextInt(f.length() + 1)];
                r.nextBytes(b);
                m.setBytes(f.number(), b);
            } else {
                m.set(f.number(), valueFor(f, r));
            }
        }
        byte[] image = CODEC.pack(m);
        assertThat(image).hasSize(CODEC.packedSize(m));
        ParsedMessage parsed = CODEC.unpackOrThrow(image);
        assertThat(parsed.fieldNumbers()).containsExactly(m.fieldNumbers());
        for (int n : m.fieldNumbers()) {
            assertThat(parsed.getString(n)).as("field %d", n).isEqualTo(m.getString(n));
        }
        assertThat(CODEC.pack(parsed.toMessage())).isEqualTo(image);
    }

    @Provide
    Arbitrary<Integer> binaryField() {
        return Arbitraries.of(11, 12, 13, 19, 128);
    }

    @Provide
    Arbitrary<Long> seed() {
        return Arbitraries.longs();
    }

    private static void assertRoundTrip(IsoMessage m, int field) {
        byte[] image = CODEC.pack(m);
        assertThat(image).hasSize(CODEC.packedSize(m));
        ParsedMessage parsed = CODEC.unpackOrThrow(image);
        assertThat(parsed.getString(field)).isEqualTo(m.getString(field));
        assertThat(parsed.getBytes(field)).isEqualTo(m.getBytes(field));
        assertThat(CODEC.pack(parsed.toMessage())).isEqualTo(image);
    }

    /** A valid value: any length the field allows (0 for variable fields, shorter-than-fixed for padding). */
    static String valueFor(FieldSpec f, java.util.Random r) {
        int max = f.length();
        boolean fixed = f.lengthType() == LengthType.FIXED;
        boolean mayBeShort = fixed && (f.content() == Content.TEXT || f.justify() == Justify.RIGHT);
        int n = fixed ? (mayBeShort && r.nextInt(4) == 0 ? r.nextInt(max + 1) : max) : pickLength(r, max);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            switch (f.content()) {
                case NUMERIC -> sb.append((char) ('0' + r.nextInt(10)));
                case TRACK -> sb.append(r.nextInt(8) == 0 ? '=' : (char) ('0' + r.nextInt(10)));
                case TEXT -> sb.append((char) r.nextInt(256));
                case BINARY -> throw new IllegalArgumentException("binary");
            }
        }
        return sb.toString();
    }

    /** Boundaries (0, 1, max-1, max) a quarter of the time, otherwise uniform. */
    private static int pickLength(java.util.Random r, int max) {
        return switch (r.nextInt(8)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> max;
            case 3 -> max - 1;
            default -> r.nextInt(max + 1);
        };
    }
}
