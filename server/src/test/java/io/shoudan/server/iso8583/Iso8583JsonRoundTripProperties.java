package io.shoudan.server.iso8583;

import io.shoudan.iso8583.encoding.Hex;
import io.shoudan.iso8583.message.IsoMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.shoudan.server.iso8583.Iso8583CommandTest.run;
import static io.shoudan.server.iso8583.Iso8583TextFieldsTest.CUP;
import static io.shoudan.server.iso8583.Iso8583TextFieldsTest.GBK;
import static io.shoudan.server.iso8583.Iso8583TextFieldsTest.concat;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever bytes the text fields hold, {@code iso8583 decode --format json} then {@code encode} gives the image back. */
class Iso8583JsonRoundTripProperties {

    @Property(tries = 200)
    void anyBytesInTheTextFieldsSurviveDecodeThenEncode(@ForAll @Size(min = 1, max = 25) byte[] field44,
                                                        @ForAll @Size(min = 1, max = 163) byte[] field63) throws IOException {
        IsoMessage m = CUP.newMessage("0210").set(39, "00").set(41, "TERM0001").setBytes(44, field44).setBytes(63, field63);

        assertRoundTrip(Hex.encode(CUP.pack(m)));
    }

    @Property(tries = 200)
    void chineseTextInField63SurvivesDecodeThenEncodeAndIsShownAsItself(@ForAll("chinese") String text) throws IOException {
        IsoMessage m = CUP.newMessage("0210").set(39, "00")
                .setBytes(63, concat("001".getBytes(StandardCharsets.US_ASCII), text.getBytes(GBK)));
        String image = Hex.encode(CUP.pack(m));

        assertThat(run("decode", "--spec", "cup", "--format", "json", image).out()).contains("\"63\" : \"001" + text + "\"");
        assertRoundTrip(image);
    }

    @Provide
    Arbitrary<String> chinese() {
        // CJK unified ideographs U+4E00..U+9FA5 are all in GBK, two bytes each; 80 of them and 63.1 fill the field
        return Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').withChars("，。、 ABC123").ofMinLength(1).ofMaxLength(80);
    }

    private static void assertRoundTrip(String image) throws IOException {
        Path file = Files.createTempFile("iso8583-", ".json");
        try {
            Files.writeString(file, run("decode", "--spec", "cup", "--format", "json", image).out());
            Iso8583CommandTest.Run encoded = run("encode", "--spec", "cup", file.toString());
            assertThat(encoded.err()).isEmpty();
            assertThat(encoded.out().strip()).isEqualTo(image);
        } finally {
            Files.delete(file);
        }
    }
}
