package io.shoudan.server.iso8583;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shoudan.iso8583.encoding.Hex;
import io.shoudan.iso8583.message.Iso8583Codec;
import io.shoudan.iso8583.message.IsoMessage;
import io.shoudan.iso8583.spec.CupPosSpec;
import io.shoudan.server.iso8583.Iso8583CommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.shoudan.server.iso8583.Iso8583CommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Text fields as a person reads them: GBK Chinese in CUP field 63, and bytes that are not text kept as hex. */
class Iso8583TextFieldsTest {

    static final Charset GBK = Charset.forName("GBK");
    static final Iso8583Codec CUP = new Iso8583Codec(CupPosSpec.create());

    /** A 0210 answer: field 44 with a control byte and a DEL in it, field 63 with an operator code and GBK Chinese. */
    static String answerWithChineseAndControlBytes() {
        IsoMessage m = CUP.newMessage("0210")
                .set(11, "000123")
                .set(37, "123456789012")
                .set(39, "00")
                .set(41, "TERM0001")
                .set(42, "MERCHANT0000001")
                .setBytes(44, new byte[]{'0', '1', 0x01, 0x7F, 'A', 0x00})
                .setBytes(63, concat("CUP".getBytes(StandardCharsets.US_ASCII), "中国银联 欢迎光临".getBytes(GBK)));
        return Hex.encode(CUP.pack(m));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void decodeShowsField63sGbkTextAsChinese() {
        Run text = run("decode", "--spec", "cup", answerWithChineseAndControlBytes());
        Run json = run("decode", "--spec", "cup", "--format", "json", answerWithChineseAndControlBytes());

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("CUP中国银联 欢迎光临").contains("63.2").contains("中国银联 欢迎光临");
        assertThat(json.out()).contains("\"63\" : \"CUP中国银联 欢迎光临\"", "\"63.1\" : \"CUP\"", "\"63.2\" : \"中国银联 欢迎光临\"");
    }

    @Test
    void aTextFieldWithBytesThatAreNotPrintableIsWrittenAsHex() throws IOException {
        Run json = run("decode", "--spec", "cup", "--format", "json", answerWithChineseAndControlBytes());

        JsonNode fields = new ObjectMapper().readTree(json.out()).get("fields");
        assertThat(fields.get("44").get("hex").asText()).isEqualTo("3031017F4100");
        assertThat(fields.get("41").asText()).isEqualTo("TERM0001");
    }

    @Test
    void decodeThenEncodeGivesTheSameImageByteForByte(@TempDir Path dir) throws IOException {
        String image = answerWithChineseAndControlBytes();
        Run decoded = run("decode", "--spec", "cup", "--format", "json", image);
        Path file = dir.resolve("answer.json");
        Files.writeString(file, decoded.out());

        Run encoded = run("encode", "--spec", "cup", file.toString());

        assertThat(encoded.err()).isEmpty();
        assertThat(encoded.out().strip()).isEqualTo(image);
    }

    @Test
    void aBrokenGbkPairInField63IsKeptAsHexToo(@TempDir Path dir) throws IOException {
        byte[] halfAChar = concat("001".getBytes(StandardCharsets.US_ASCII), new byte[]{(byte) 0xD6});
        String image = Hex.encode(CUP.pack(CUP.newMessage("0210").set(39, "00").setBytes(63, halfAChar)));

        Run decoded = run("decode", "--spec", "cup", "--format", "json", image);
        Files.writeString(dir.resolve("m.json"), decoded.out());

        assertThat(decoded.out()).contains("\"hex\" : \"303031D6\"");
        assertThat(run("encode", "--spec", "cup", dir.resolve("m.json").toString()).out().strip()).isEqualTo(image);
    }

    @Test
    void chineseInAnAsciiFieldIsRefusedNamingTheFieldAndTheCharacter(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "{\"mti\":\"0210\",\"fields\":{\"41\":\"终端0001\"}}", StandardCharsets.UTF_8);

        Run r = run("encode", "--spec", "cup", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("field 41: character 1 (终) cannot be written in US-ASCII").contains("第41域取值非法");
    }

    @Test
    void chineseTextInField63EncodesAsGbk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "{\"mti\":\"0210\",\"fields\":{\"63\":\"CUP欢迎\"}}", StandardCharsets.UTF_8);

        Run r = run("encode", "--spec", "cup", file.toString());

        assertThat(r.out().strip()).endsWith("0007" + "435550" + "BBB6D3AD");
    }
}
