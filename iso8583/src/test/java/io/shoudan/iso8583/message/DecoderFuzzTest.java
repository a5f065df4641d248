package io.shoudan.iso8583.message;

import io.shoudan.iso8583.encoding.Hex;
import io.shoudan.iso8583.spec.CupPosSpec;
import io.shoudan.iso8583.spec.Iso87BinarySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes from outside: random images and mutations of valid ones (every truncation, every single flipped bit,
 * random overwrites, huge length prefixes). The decoder must answer every one with a message or a clean
 * {@link DecodeError} (field 0..128, offset inside the image) — no other exception — and whatever it accepts
 * must be readable, printable and rebuildable. Termination is by construction: every loop advances through the
 * image or the bitmap; a hang would stop the build.
 */
class DecoderFuzzTest {

    static final Iso8583Codec CUP = new Iso8583Codec(CupPosSpec.create());
    static final Iso8583Codec ISO87B = new Iso8583Codec(Iso87BinarySpec.create());

    /** Valid seeds: the public ISO87 vector and CUP images with every kind of field. */
    static final List<byte[]> ISO87B_SEEDS = List.of(Hex.decode(
            "0200703C048028C09201196222021234567890123000000000000001000000012315304511232812005100376222021234567890123D2812201123450000003132333435363738393031325445524D303030314D45524348414E54303030303030313135360123456789ABCDEF01379F2608C2C12B098F3DA6E39F2701809F100807010103A0A802019F3704F8F2E1AB9F36020087950500800460009A032311239C01009F02060000000100005F2A020156820270009F1A0201569F03060000000000009F3303E0F1C89F34034203009F3501229F1E0831323334353637388407A00000033301019F090200209F4104000001235F340101A1B2C3D4E5F60718"));
    static final List<byte[]> CUP_SEEDS = List.of(
            Hex.decode("0200702404C020C098111962220212345678901230000000000000010000000002281202100012376222021234567890123D28122011234500000031323334353637383132333435363738393031323334353135360123456789ABCDEF260000000000000000112200000100004142434431323334"),
            Hex.decode("0810003800010AC00014000001093015112308010400003131323330393330313530313030313233343536373831323334353637383930313233343500110000000100400040" + "6701EAD6A9AD51E51AA406E2C27FCFA98D0A74B8B651F9E9BACE9AE10000000000000000AB7153CA"),
            Hex.decode("0500" + "0020000000C18012" + "000006" + "3132333435363738" + "313233343536373839303132333435" + "0062"
                    + "00000001000000100000000000000000000000000000000000000000000000" + "313536" + "0011" + "000000012010" + "0003" + "303031"));

    @Test
    void theSeedsAreValid() {
        ISO87B_SEEDS.forEach(s -> assertThat(ISO87B.unpack(s)).isInstanceOf(ParsedMessage.class));
        CUP_SEEDS.forEach(s -> assertThat(CUP.unpack(s)).isInstanceOf(ParsedMessage.class));
    }

    @Property(tries = 3000)
    void randomBytesGetACleanAnswer(@ForAll @Size(max = 700) byte[] image) {
        assertClean(CUP, image);
        assertClean(ISO87B, image);
    }

    @Property(tries = 3000)
    void randomBytesBehindAPlausibleHeaderGetACleanAnswer(@ForAll("plausible") byte[] image) {
        assertClean(CUP, image);
        assertClean(ISO87B, image);
    }

    @Test
    void everyTruncationOfEveryValidImageIsATruncationErrorOrAShorterValidMessage() {
        forEachSeed((codec, seed) -> {
            for (int len = 0; len < seed.length; len++) {
                UnpackOutcome o = assertClean(codec, java.util.Arrays.copyOf(seed, len));
                assertThat(o).as("truncated to %d", len).isInstanceOf(DecodeError.class);
            }
        });
    }

    @Test
    void everySingleFlippedBitOfEveryValidImageGetsACleanAnswer() {
        forEachSeed((codec, seed) -> {
            for (int bit = 0; bit < seed.length * 8; bit++) {
                byte[] m = seed.clone();
                m[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
                assertClean(codec, m);
            }
        });
    }

    @Test
    void hugeLengthPrefixesAreRefusedBeforeAnythingIsAllocatedForThem() {
        forEachSeed((codec, seed) -> {
            ParsedMessage valid = (ParsedMessage) codec.unpack(seed);
            for (int n : valid.fieldNumbers()) {
                int prefixAt = valid.fieldOffset(n);
                int prefixBytes = valid.contentOffset(n) - prefixAt;
                if (prefixBytes == 0) {
                    continue;
                }
                for (int filler : new int[]{0x99, 0x09, 0xFF, 0x00}) {
                    byte[] m = seed.clone();
                    for (int i = 0; i < prefixBytes; i++) {
                        m[prefixAt + i] = (byte) (i == 0 && prefixBytes == 2 && filler == 0x99 ? 0x09 : filler);
                    }
                    UnpackOutcome o = assertClean(codec, m);
                    if (o instanceof DecodeError e && e.field() == n) {
                        assertThat(e.problem()).isIn(DecodeError.Problem.LENGTH_OVER_MAXIMUM,
                                DecodeError.Problem.BAD_LENGTH_PREFIX, DecodeError.Problem.TRUNCATED,
                                DecodeError.Problem.BAD_CONTENT,
                                // a zero prefix empties the field; if it is the last one its content is left over
                                DecodeError.Problem.TRAILING_BYTES);
                    }
                }
            }
        });
    }

    @Property(tries = 3000)
    void randomOverwritesInsertionsAndDeletionsOfValidImagesGetACleanAnswer(
            @ForAll @IntRange(min = 0, max = 3) int seedIndex, @ForAll("mutations") List<int[]> mutations) {
        byte[] seed = seedIndex < CUP_SEEDS.size() ? CUP_SEEDS.get(seedIndex) : ISO87B_SEEDS.get(0);
        Iso8583Codec codec = seedIndex < CUP_SEEDS.size() ? CUP : ISO87B;
        List<Byte> bytes = new ArrayList<>();
        for (byte b : seed) {
            bytes.add(b);
        }
        for (int[] mut : mutations) {
            int at = bytes.isEmpty() ? 0 : mut[1] % (bytes.size() + 1);
            switch (mut[0]) {
                case 0 -> { if (at < bytes.size()) { bytes.set(at, (byte) mut[2]); } }
                case 1 -> bytes.add(at, (byte) mut[2]);
                default -> { if (at < bytes.size()) { bytes.remove(at); } }
            }
        }
        byte[] image = new byte[bytes.size()];
        for (int i = 0; i < image.length; i++) {
            image[i] = bytes.get(i);
        }
        assertClean(codec, image);
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> one = Arbitraries.integers().between(0, 2).flatMap(kind ->
                Arbitraries.integers().between(0, 400).flatMap(at ->
                        Arbitraries.integers().between(0, 255).map(v -> new int[]{kind, at, v})));
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<byte[]> plausible() {
        // A real MTI and a bitmap, then noise: gets the fuzzing past the first checks into the fields.
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(400).flatMap(tail ->
                Arbitraries.of("0200", "0210", "0800", "0810", "0400", "0500").map(mti -> {
                    byte[] head = Hex.decode(mti);
                    byte[] image = new byte[2 + tail.length];
                    System.arraycopy(head, 0, image, 0, 2);
                    System.arraycopy(tail, 0, image, 2, tail.length);
                    return image;
                }));
    }

    private interface SeedCheck {
        void check(Iso8583Codec codec, byte[] seed);
    }

    private static void forEachSeed(SeedCheck check) {
        CUP_SEEDS.forEach(s -> check.check(CUP, s));
        ISO87B_SEEDS.forEach(s -> check.check(ISO87B, s));
    }

    /** Unpacks, and checks the answer is clean; a message must be fully usable. */
    static UnpackOutcome assertClean(Iso8583Codec codec, byte[] image) {
        UnpackOutcome outcome = codec.unpack(image);
        switch (outcome) {
            case DecodeError e -> {
                assertThat(e.field()).isBetween(0, 128);
                assertThat(e.offset()).isBetween(0, image.length);
                assertThat(e.message()).isNotBlank();
            }
            case ParsedMessage m -> {
                assertThat(m.mti()).hasSize(4);
                for (int n : m.fieldNumbers()) {
                    assertThat(m.getString(n)).isNotNull();
                    assertThat(m.getBytes(n)).isNotNull();
                }
                assertThat(m.toString()).startsWith("MTI ");
                IsoMessage rebuilt = m.toMessage();
                assertThat(codec.unpackOrThrow(codec.pack(rebuilt)).fieldNumbers()).containsExactly(m.fieldNumbers());
            }
        }
        return outcome;
    }
}
