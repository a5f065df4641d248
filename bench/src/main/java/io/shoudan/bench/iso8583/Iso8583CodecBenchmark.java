package io.shoudan.bench.iso8583;

import io.shoudan.iso8583.encoding.Hex;
import io.shoudan.iso8583.message.Iso8583Codec;
import io.shoudan.iso8583.message.IsoMessage;
import io.shoudan.iso8583.message.ParsedMessage;
import io.shoudan.iso8583.message.UnpackOutcome;
import io.shoudan.iso8583.spec.Iso87BinarySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Pack and unpack of the typical {@code 0200} of {@code iso8583/src/test/resources/vectors/iso87b-sale-vector.json} (fields 2, 3,
 * 4, 11, 12, 13, 14, 22, 25, 35, 37, 41, 42, 49, 52, 55 with 137 bytes, 64) on the ISO87 binary spec, single
 * thread. Goal: at least 3,000,000 operations per second each.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Iso8583CodecBenchmark {

    static final String VECTOR_HEX = "0200703C048028C09201196222021234567890123000000000000001000000012315304511232812"
            + "005100376222021234567890123D2812201123450000003132333435363738393031325445524D303030314D45524348414E54"
            + "303030303030313135360123456789ABCDEF01379F2608C2C12B098F3DA6E39F2701809F100807010103A0A802019F3704F8"
            + "F2E1AB9F36020087950500800460009A032311239C01009F02060000000100005F2A020156820270009F1A0201569F0306"
            + "0000000000009F3303E0F1C89F34034203009F3501229F1E0831323334353637388407A00000033301019F090200209F4104"
            + "000001235F340101A1B2C3D4E5F60718";

    private Iso8583Codec codec;
    private IsoMessage sale;
    private byte[] image;
    private byte[] out;

    @Setup
    public void setUp() {
        codec = new Iso8583Codec(Iso87BinarySpec.create());
        image = Hex.decode(VECTOR_HEX);
        sale = codec.newMessage("0200")
                .set(2, "6222021234567890123")
                .set(3, "000000")
                .set(4, "000000010000")
                .set(11, "000123")
                .set(12, "153045")
                .set(13, "1123")
                .set(14, "2812")
                .set(22, "051")
                .set(25, "00")
                .set(35, "6222021234567890123=28122011234500000")
                .set(37, "123456789012")
                .set(41, "TERM0001")
                .set(42, "MERCHANT0000001")
                .set(49, "156")
                .setHex(52, "0123456789ABCDEF")
                .setBytes(55, java.util.Arrays.copyOfRange(image, image.length - 8 - 137, image.length - 8))
                .setHex(64, "A1B2C3D4E5F60718");
        out = new byte[1024];
        if (!java.util.Arrays.equals(codec.pack(sale), image)) {
            throw new IllegalStateException("benchmark message does not pack to the vector");
        }
    }

    /** Pack into a reusable buffer; returns the length so the work cannot be eliminated. */
    @Benchmark
    public int pack() {
        return codec.pack(sale, out, 0);
    }

    /** Unpack (validate every field, record offsets); values are materialised on access, not here. */
    @Benchmark
    public UnpackOutcome unpack() {
        return codec.unpack(image);
    }

    /**
     * Unpack and read what an acquirer routes on: MTI, processing code, amount and trace as numbers, PAN and
     * terminal id as Strings.
     */
    @Benchmark
    public void unpackAndRead(Blackhole bh) {
        ParsedMessage m = (ParsedMessage) codec.unpack(image);
        bh.consume(m.mtiNumber());
        bh.consume(m.getLong(3));
        bh.consume(m.getLong(4));
        bh.consume(m.getLong(11));
        bh.consume(m.getString(2));
        bh.consume(m.getString(41));
    }
}
