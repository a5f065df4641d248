package io.shoudan.iso8583.message;

import io.shoudan.iso8583.encoding.Hex;
import io.shoudan.iso8583.spec.CupPosSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A text field's bytes have a text only when it is printable and writes back to the same bytes. */
class FieldTextTest {

    private static final Charset GBK = Charset.forName("GBK");

    @ParameterizedTest(name = "{0}: {1} in {2}")
    @CsvSource(delimiter = '|', value = {
            "ASCII letters and digits       | 4355503031        | US-ASCII | CUP01",
            "a space is printable           | 2041              | US-ASCII | ' A'",
            "GBK Chinese                    | D6D0B9FAD2F8C1AA  | GBK      | 中国银联",
            "ASCII then GBK                 | 303031BBB6D3AD    | GBK      | 001欢迎",
            "a control byte                 | 303101            | US-ASCII | ",
            "DEL                            | 7F                | US-ASCII | ",
            "a NUL in GBK text              | BBB600            | GBK      | ",
            "a high byte in an ASCII field  | E9                | US-ASCII | ",
            "half a GBK character           | 303031D6          | GBK      | ",
            "a GBK lead byte then DEL       | D67F              | GBK      | "})
    void bytesHaveATextOnlyWhenItIsPrintableAndWritesBackTheSame(String why, String hex, String charset, String text) {
        assertThat(FieldText.readable(Hex.decode(hex), Charset.forName(charset)).orElse(null)).isEqualTo(text);
    }

    @Test
    void textThatTheCharsetCannotWriteNamesTheFieldAndTheCharacter() {
        assertThatThrownBy(() -> FieldText.bytes(41, "T终端", StandardCharsets.US_ASCII))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("field 41: character 2 (终) cannot be written in US-ASCII");
        assertThat(FieldText.bytes(63, "001欢迎", GBK)).isEqualTo(Hex.decode("303031BBB6D3AD"));
    }

    @Test
    void theCupSpecReadsField63InGbkAndOtherTextFieldsInAscii() {
        Iso8583Codec cup = new Iso8583Codec(CupPosSpec.create());
        IsoMessage m = cup.newMessage("0210").set(41, "TERM0001").setBytes(63, Hex.decode("434E55D6D0B9FAD2F8C1AA"));

        String shown = MessagePrinter.render(cup.unpackOrThrow(cup.pack(m)));

        assertThat(shown).contains("CNU中国银联").contains("63.2").contains("中国银联").contains("TERM0001");
        assertThat(cup.spec().textCharset(63)).isEqualTo(GBK);
        assertThat(cup.spec().textCharset(41)).isEqualTo(StandardCharsets.US_ASCII);
    }
}
