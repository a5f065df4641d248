package io.shoudan.server.iso8583;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class Iso8583CommandTest {

    static final String VECTOR_HEX = "0200703C048028C09201196222021234567890123000000000000001000000012315304511232812"
            + "005100376222021234567890123D2812201123450000003132333435363738393031325445524D303030314D45524348414E54"
            + "303030303030313135360123456789ABCDEF01379F2608C2C12B098F3DA6E39F2701809F100807010103A0A802019F3704F8"
            + "F2E1AB9F36020087950500800460009A032311239C01009F02060000000100005F2A020156820270009F1A0201569F0306"
            + "0000000000009F3303E0F1C89F34034203009F3501229F1E0831323334353637388407A00000033301019F090200209F4104"
            + "000001235F340101A1B2C3D4E5F60718";
    static final String CUP_ECHO = "0820" + "0000000000C00010" + "3132333435363738" + "313233343536373839303132333435"
            + "0011" + "000000013010";

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Iso8583Command());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void decodeListsTheFieldsWithCardDataMasked() {
        Run r = run("decode", "--spec", "iso87b", VECTOR_HEX);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .startsWith("MTI 0200 (spec iso87b)")
                .contains("002 LLVAR n..19", "622202*********0123")
                .contains("622202*********0123=*****************")
                .contains("[8 bytes hidden 已隐藏]")
                .contains("TERM0001", "MERCHANT0000001", "A1B2C3D4E5F60718")
                .doesNotContain("6222021234567890123")
                .doesNotContain("0123456789ABCDEF");
    }

    @Test
    void decodeAsJsonGivesMtiFieldsAndCupSubFields() {
        Run r = run("decode", "--spec", "cup", "--format", "json", CUP_ECHO);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"mti\" : \"0820\"", "\"41\" : \"12345678\"", "\"60\" : \"00000001301\"",
                "\"60.1\" : \"00\"", "\"60.2\" : \"000001\"", "\"60.3\" : \"301\"");
    }

    @Test
    void decodeReadsAFramedCaptureWithLengthAndTpdu() {
        int body = 5 + CUP_ECHO.length() / 2;
        String framed = String.format("%04X", body) + "6000030000" + CUP_ECHO;
        Run r = run("decode", "--spec", "cup", "--framed", framed);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("TPDU 60 0003 0000").contains("MTI 0820");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "truncated field 2,  080040000000000000001962220212, field 2 at byte 11: message ends inside the field",
            "not hex,            08ZZ,                           input is not hex",
            "unknown field 5,    08000800000000000000000000000000, field 5 at byte 10: bitmap announces a field",
    })
    void decodeOfBadInputExitsWithTwoAndOneLineNamingTheField(String why, String hex, String expected) {
        Run r = run("decode", "--spec", "cup", hex);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith(expected);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void encodeTurnsJsonIntoTheVectorHex(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("sale.json");
        Files.writeString(json, """
                {"mti":"0200","fields":{"2":"6222021234567890123","3":"000000","4":"000000010000","11":"000123",
                 "12":"153045","13":"1123","14":"2812","22":"051","25":"00",
                 "35":"6222021234567890123=28122011234500000","37":"123456789012","41":"TERM0001",
                 "42":"MERCHANT0000001","49":"156","52":"0123456789ABCDEF",
                 "55":"9F2608C2C12B098F3DA6E39F2701809F100807010103A0A802019F3704F8F2E1AB9F36020087950500800460009A032311239C01009F02060000000100005F2A020156820270009F1A0201569F03060000000000009F3303E0F1C89F34034203009F3501229F1E0831323334353637388407A00000033301019F090200209F4104000001235F340101",
                 "64":"A1B2C3D4E5F60718"}}
                """);
        Run r = run("encode", "--spec", "iso87b", json.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo(VECTOR_HEX);
    }

    @Test
    void encodeWithATpduWrapsTheImageInAFrame(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("echo.json");
        Files.writeString(json, "{\"mti\":\"0820\",\"fields\":{\"41\":\"12345678\",\"42\":\"123456789012345\",\"60\":\"00000001301\"}}");
        Run r = run("encode", "--spec", "cup", "--tpdu", "6000030000", json.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("002E" + "6000030000" + CUP_ECHO); // 5 + 41 = 46 bytes
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "PAN too long       | {\"mti\":\"0200\",\"fields\":{\"2\":\"62220212345678901234\"}} | field 2: 20 digits, the most is 19",
            "letter in amount   | {\"mti\":\"0200\",\"fields\":{\"4\":\"00000001000A\"}}         | field 4: character 12 is not a digit",
            "bad hex in 52      | {\"mti\":\"0200\",\"fields\":{\"52\":\"XYZ\"}}                 | field 52: not valid hex",
            "field not in spec  | {\"mti\":\"0200\",\"fields\":{\"5\":\"1\"}}                    | field 5: not defined in spec cup",
            "bad MTI            | {\"mti\":\"02A0\",\"fields\":{}}                               | field 0: the MTI must be 4 digits",
            "not JSON           | {\"mti\":                                                      | input is not JSON",
    })
    void encodeOfBadInputExitsWithTwoAndOneLineNamingTheField(String why, String json, String expected,
                                                              @TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.json");
        Files.writeString(file, json);
        Run r = run("encode", "--spec", "cup", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith(expected);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).doesNotContain("62220212345678901234");
    }
}
