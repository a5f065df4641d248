package io.shoudan.iso8583.message;

import io.shoudan.iso8583.encoding.Bcd;
import io.shoudan.iso8583.spec.Encoding;
import io.shoudan.iso8583.spec.FieldSpec;
import io.shoudan.iso8583.spec.Justify;
import io.shoudan.iso8583.spec.MessageSpec;

import java.util.Objects;

/**
 * Packs and unpacks messages of one {@link MessageSpec}. Immutable and thread-safe.
 *
 * <p>Built for speed: the spec is compiled into flat arrays indexed by field number, fields are walked by the
 * bitmap's set bits, packing writes straight into the caller's buffer, and unpacking only validates and records
 * where each field lies — values are materialised when asked for. Every length read from the wire is checked
 * against the field's maximum and the bytes remaining before it is used, so a hostile image costs at most one
 * small array (one slot per present field, at most 127).
 */
public final class Iso8583Codec {

    static final int K_BCD_NUMERIC = 1;
    static final int K_BCD_TRACK = 2;
    static final int K_ASCII_NUMERIC = 3;
    static final int K_ASCII_TRACK = 4;
    static final int K_TEXT = 5;
    static final int K_BINARY = 6;

    static final int P_BCD = 0;
    static final int P_ASCII = 1;
    static final int P_BINARY = 2;

    private static final long NO_FLAG_BIT = Long.MAX_VALUE;

    private final MessageSpec spec;
    private final boolean mtiBcd;
    private final boolean secondaryAllowed;
    /** Per field number: content kind (0 = not in spec). */
    final int[] kind = new int[129];
    /** Per field number: prefix digits (0 fixed, 2 LL, 3 LLL). */
    final int[] prefixDigits = new int[129];
    /** Per field number: prefix bytes. */
    final int[] prefixBytes = new int[129];
    /** Per field number: prefix encoding. */
    final int[] prefixEncoding = new int[129];
    /** Per field number: exact (fixed) or maximum length in units. */
    final int[] maxUnits = new int[129];
    /** Per field number: BCD left-justified. */
    final boolean[] leftJustified = new boolean[129];
    /** Per field number: pad nibble for odd BCD counts. */
    final int[] padNibble = new int[129];
    /**
     * Per field number, everything unpacking needs in one word (one load per field): kind (bits 0–2), prefix
     * bytes (3–5), prefix encoding (6–7), BCD left-justified (8), maximum units (16–31).
     */
    private final int[] descriptor = new int[129];

    public Iso8583Codec(MessageSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.mtiBcd = spec.mtiEncoding() == Encoding.BCD;
        this.secondaryAllowed = spec.allowsSecondaryBitmap();
        for (int n = 2; n <= 128; n++) {
            FieldSpec f = spec.field(n);
            if (f == null) {
                continue;
            }
            kind[n] = kindOf(f);
            prefixDigits[n] = f.lengthType().prefixDigits();
            prefixBytes[n] = f.prefixBytes();
            prefixEncoding[n] = switch (f.prefixEncoding()) {
                case BCD -> P_BCD;
                case ASCII -> P_ASCII;
                case BINARY -> P_BINARY;
            };
            maxUnits[n] = f.length();
            leftJustified[n] = f.justify() == Justify.LEFT;
            padNibble[n] = f.padNibble();
            descriptor[n] = kind[n] | (prefixBytes[n] << 3) | (prefixEncoding[n] << 6)
                    | ((leftJustified[n] ? 1 : 0) << 8) | (maxUnits[n] << 16);
        }
    }

    private static int kindOf(FieldSpec f) {
        boolean bcd = f.encoding() == Encoding.BCD;
        return switch (f.content()) {
            case NUMERIC -> bcd ? K_BCD_NUMERIC : K_ASCII_NUMERIC;
            case TRACK -> bcd ? K_BCD_TRACK : K_ASCII_TRACK;
            case TEXT -> K_TEXT;
            case BINARY -> K_BINARY;
        };
    }

    public MessageSpec spec() {
        return spec;
    }

    /** A new empty message of this codec's spec. */
    public IsoMessage newMessage(String mti) {
        return new IsoMessage(spec, mti);
    }

    // ------------------------------------------------------------------------------------------------- packing

    /** Exact number of bytes {@link #pack(IsoMessage, byte[], int)} will write. */
    public int packedSize(IsoMessage m) {
        checkSpec(m);
        int size = (mtiBcd ? 2 : 4) + (m.secondaryBits() != 0 ? 16 : 8);
        for (int n : m.fieldNumbers()) {
            size += prefixBytes[n] + contentBytes(n, units(m, n));
        }
        return size;
    }

    /** Packs into a new array of exactly the right size. */
    public byte[] pack(IsoMessage m) {
        byte[] out = new byte[packedSize(m)];
        pack(m, out, 0);
        return out;
    }

    /**
     * Packs {@code m} into {@code out} from {@code offset}; returns the number of bytes written.
     *
     * @throws IllegalArgumentException when {@code out} is too small (nothing useful is left in it then)
     */
    public int pack(IsoMessage m, byte[] out, int offset) {
        checkSpec(m);
        int p = offset;
        long primary = m.primaryBits();
        long secondary = m.secondaryBits();
        int head = (mtiBcd ? 2 : 4) + (secondary != 0 ? 16 : 8);
        if (offset < 0 || out.length - offset < head) {
            throw new IllegalArgumentException("output buffer too small for the MTI and bitmap");
        }
        String mti = m.mti();
        if (mtiBcd) {
            out[p] = (byte) (((mti.charAt(0) - '0') << 4) | (mti.charAt(1) - '0'));
            out[p + 1] = (byte) (((mti.charAt(2) - '0') << 4) | (mti.charAt(3) - '0'));
            p += 2;
        } else {
            for (int i = 0; i < 4; i++) {
                out[p++] = (byte) mti.charAt(i);
            }
        }
        if (secondary != 0) {
            primary |= Long.MIN_VALUE;
        }
        writeLong(out, p, primary);
        p += 8;
        if (secondary != 0) {
            writeLong(out, p, secondary);
            p += 8;
        }
        long bits = primary & NO_FLAG_BIT;
        while (bits != 0) {
            int lz = Long.numberOfLeadingZeros(bits);
            bits &= ~(Long.MIN_VALUE >>> lz);
            p = packField(m, lz + 1, out, p);
        }
        bits = secondary;
        while (bits != 0) {
            int lz = Long.numberOfLeadingZeros(bits);
            bits &= ~(Long.MIN_VALUE >>> lz);
            p = packField(m, lz + 65, out, p);
        }
        return p - offset;
    }

    private int packField(IsoMessage m, int n, byte[] out, int p) {
        int d = descriptor[n];
        int k = d & 7;
        byte[] v = m.value(n);
        int units = v.length;
        boolean bcd = k <= K_BCD_TRACK;
        int contentBytes = bcd ? (units + 1) >>> 1 : units;
        int pb = (d >>> 3) & 7;
        if (out.length - p < pb + contentBytes) {
            throw new IllegalArgumentException("output buffer too small at field " + n);
        }
        if (pb != 0) {
            if (((d >>> 6) & 3) == P_BCD) {
                if (pb == 2) {
                    out[p++] = (byte) (units / 100);
                    units %= 100;
                }
                out[p++] = (byte) (((units / 10) << 4) | (units % 10));
                units = v.length;
            } else {
                p = writePrefix(n, units, out, p);
            }
        }
        if (bcd) {
            return Bcd.encode(v, out, p, (d & 0x100) != 0, padNibble[n]);
        }
        // Binary, text (ISO-8859-1, validated when set) and ASCII numerics/track: the stored bytes as they are.
        System.arraycopy(v, 0, out, p, units);
        return p + units;
    }

    private int writePrefix(int n, int units, byte[] out, int p) {
        switch (prefixEncoding[n]) {
            case P_BCD -> {
                if (prefixDigits[n] == 2) {
                    out[p++] = (byte) (((units / 10) << 4) | (units % 10));
                } else {
                    out[p++] = (byte) (units / 100);
                    int rest = units % 100;
                    out[p++] = (byte) (((rest / 10) << 4) | (rest % 10));
                }
            }
            case P_ASCII -> {
                if (prefixDigits[n] == 3) {
                    out[p++] = (byte) ('0' + units / 100);
                }
                out[p++] = (byte) ('0' + (units / 10) % 10);
                out[p++] = (byte) ('0' + units % 10);
            }
            default -> {
                if (prefixDigits[n] == 3) {
                    out[p++] = (byte) (units >>> 8);
                }
                out[p++] = (byte) units;
            }
        }
        return p;
    }

    private static int units(IsoMessage m, int n) {
        return m.value(n).length;
    }

    int contentBytes(int n, int units) {
        int k = kind[n];
        return (k == K_BCD_NUMERIC || k == K_BCD_TRACK) ? (units + 1) >>> 1 : units;
    }

    private void checkSpec(IsoMessage m) {
        if (m.spec() != spec) {
            throw new IllegalArgumentException("message built for spec " + m.spec().name() + ", codec is " + spec.name());
        }
    }

    /** Bitmaps are big-endian 64-bit words: one load or store each. */
    private static final java.lang.invoke.VarHandle LONG_BE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    private static void writeLong(byte[] out, int p, long v) {
        LONG_BE.set(out, p, v);
    }

    private static long readLong(byte[] in, int p) {
        return (long) LONG_BE.get(in, p);
    }

    // ----------------------------------------------------------------------------------------------- unpacking

    /** Unpacks a whole array. */
    public UnpackOutcome unpack(byte[] image) {
        return unpack(image, 0, image.length);
    }

    /**
     * Reads the message in {@code image[offset, offset + length)}. The parsed message keeps a reference to
     * {@code image} (no copy): do not reuse the array while the message is in use.
     */
    public UnpackOutcome unpack(byte[] image, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, image.length);
        final int start = offset;
        final int end = offset + length;
        int p = offset;
        int mtiBytes = mtiBcd ? 2 : 4;
        if (end - p < mtiBytes) {
            return error(0, p - start, DecodeError.Problem.TRUNCATED, "needs " + mtiBytes + " bytes");
        }
        if (mtiBcd) {
            if (!Bcd.isNumeric(image[p] & 0xFF) || !Bcd.isNumeric(image[p + 1] & 0xFF)) {
                return error(0, p - start, DecodeError.Problem.BAD_CONTENT, "MTI is not BCD digits");
            }
        } else {
            for (int i = 0; i < 4; i++) {
                int c = image[p + i];
                if (c < '0' || c > '9') {
                    return error(0, p - start, DecodeError.Problem.BAD_CONTENT, "MTI is not ASCII digits");
                }
            }
        }
        p += mtiBytes;
        if (end - p < 8) {
            return error(1, p - start, DecodeError.Problem.TRUNCATED, "needs 8 bytes");
        }
        long primary = readLong(image, p);
        p += 8;
        long secondary = 0;
        if (primary < 0) {
            if (!secondaryAllowed) {
                return error(1, p - 8 - start, DecodeError.Problem.FIELD_NOT_IN_SPEC,
                        "secondary bitmap, spec " + spec.name() + " has 64 fields");
            }
            if (end - p < 8) {
                return error(1, p - start, DecodeError.Problem.TRUNCATED, "secondary bitmap needs 8 bytes");
            }
            secondary = readLong(image, p);
            p += 8;
        }
        long[] slots = new long[Long.bitCount(primary & NO_FLAG_BIT) + Long.bitCount(secondary)];
        int slot = 0;
        int lastField = 1;
        for (int half = 0; half < 2; half++) {
            long bits = half == 0 ? primary & NO_FLAG_BIT : secondary;
            int base = half == 0 ? 1 : 65;
            while (bits != 0) {
                int lz = Long.numberOfLeadingZeros(bits);
                bits &= ~(Long.MIN_VALUE >>> lz);
                int n = lz + base;
                lastField = n;
                int d = descriptor[n];
                int k = d & 7;
                if (k == 0) {
                    return error(n, p - start, DecodeError.Problem.FIELD_NOT_IN_SPEC, "");
                }
                int units;
                int pb = (d >>> 3) & 7;
                if (pb == 0) {
                    units = d >>> 16;
                } else {
                    if (end - p < pb) {
                        return error(n, p - start, DecodeError.Problem.TRUNCATED, "length prefix needs " + pb + " bytes");
                    }
                    if (((d >>> 6) & 3) == P_BCD) {
                        if (pb == 1) {
                            units = Bcd.value(image[p] & 0xFF);
                        } else {
                            int hi = image[p] & 0xFF;
                            int lo = Bcd.value(image[p + 1] & 0xFF);
                            units = hi > 9 || lo < 0 ? -1 : hi * 100 + lo;
                        }
                    } else {
                        units = readPrefix(n, image, p);
                    }
                    if (units < 0) {
                        return error(n, p - start, DecodeError.Problem.BAD_LENGTH_PREFIX, "");
                    }
                    if (units > (d >>> 16)) {
                        return error(n, p - start, DecodeError.Problem.LENGTH_OVER_MAXIMUM, units + " > " + (d >>> 16));
                    }
                    p += pb;
                }
                boolean bcd = k <= K_BCD_TRACK;
                int bytes = bcd ? (units + 1) >>> 1 : units;
                if (end - p < bytes) {
                    return error(n, p - start, DecodeError.Problem.TRUNCATED, "needs " + bytes + " bytes, " + (end - p) + " left");
                }
                if (k <= K_ASCII_TRACK) {
                    int bad = bcd ? Bcd.firstInvalid(image, p, units, (d & 0x100) != 0, k == K_BCD_TRACK)
                            : validate(k, n, image, p, units);
                    if (bad >= 0) {
                        return error(n, p + bad - start, DecodeError.Problem.BAD_CONTENT, "");
                    }
                }
                slots[slot++] = ((long) p << 32) | units;
                p += bytes;
            }
        }
        if (p != end) {
            return error(lastField, p - start, DecodeError.Problem.TRAILING_BYTES, (end - p) + " bytes");
        }
        return new ParsedMessage(this, image, start, end, primary, secondary, slots);
    }

    /** Unpacks or throws {@link Iso8583DecodeException}. */
    public ParsedMessage unpackOrThrow(byte[] image) {
        return switch (unpack(image)) {
            case ParsedMessage m -> m;
            case DecodeError e -> throw new Iso8583DecodeException(e);
        };
    }

    /** Decodes a length prefix at {@code p}; -1 when it is not a number in its encoding. */
    private int readPrefix(int n, byte[] in, int p) {
        switch (prefixEncoding[n]) {
            case P_BCD -> {
                if (prefixDigits[n] == 2) {
                    int b = in[p] & 0xFF;
                    return Bcd.isNumeric(b) ? (b >>> 4) * 10 + (b & 0xF) : -1;
                }
                int hi = in[p] & 0xFF;
                int lo = in[p + 1] & 0xFF;
                if (hi > 9 || !Bcd.isNumeric(lo)) {
                    return -1;
                }
                return hi * 100 + (lo >>> 4) * 10 + (lo & 0xF);
            }
            case P_ASCII -> {
                int v = 0;
                for (int i = 0; i < prefixDigits[n]; i++) {
                    int c = in[p + i] - '0';
                    if (c < 0 || c > 9) {
                        return -1;
                    }
                    v = v * 10 + c;
                }
                return v;
            }
            default -> {
                return prefixDigits[n] == 2 ? in[p] & 0xFF : ((in[p] & 0xFF) << 8) | (in[p + 1] & 0xFF);
            }
        }
    }

    /** Index of the first bad byte relative to {@code p}, -1 when the content is valid for its kind. */
    private int validate(int k, int n, byte[] in, int p, int units) {
        switch (k) {
            case K_BCD_NUMERIC -> {
                return Bcd.firstInvalid(in, p, units, leftJustified[n], false);
            }
            case K_BCD_TRACK -> {
                return Bcd.firstInvalid(in, p, units, leftJustified[n], true);
            }
            case K_ASCII_NUMERIC, K_ASCII_TRACK -> {
                for (int i = 0; i < units; i++) {
                    int c = in[p + i];
                    if ((c < '0' || c > '9') && !(k == K_ASCII_TRACK && (c == '=' || c == 'D'))) {
                        return i;
                    }
                }
                return -1;
            }
            default -> {
                return -1;
            }
        }
    }

    private static DecodeError error(int field, int offset, DecodeError.Problem problem, String detail) {
        return new DecodeError(field, offset, problem, detail);
    }

    boolean isBinary(int n) {
        return kind[n] == K_BINARY;
    }
}
