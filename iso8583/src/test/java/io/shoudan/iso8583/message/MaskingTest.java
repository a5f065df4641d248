package io.shoudan.iso8583.message;

import io.shoudan.iso8583.encoding.Hex;
import io.shoudan.iso8583.spec.CupPosSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaskingTest {

    private static final Iso8583Codec CUP = new Iso8583Codec(CupPosSpec.create());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "6222021234567890123, 622202*********0123",
            "62220212345,         622202*2345",
            "6222021234,          **********",
            "1,                   *",
    })
    void aPanShowsItsFirstSixAndLastFourDigitsOnlyWhenLongerThanTen(String pan, String shown) {
        assertThat(Masking.pan(pan)).isEqualTo(shown);
    }

    @Test
    void trackDataShowsTheMaskedPanAndHidesEverythingAfterTheSeparator() {
        assertThat(Masking.track("6222021234567890123=28122011234500000"))
                .isEqualTo("622202*********0123=*****************");
        assertThat(Masking.track("62220212345678901232812")).isEqualTo("***********************");
    }

    @Test
    void iccDataHidesTheCardDataTagsAndKeepsTheRest() {
        // 9F26 (cryptogram) kept, 5A (PAN) and 57 (track 2 equivalent) starred.
        byte[] icc = Hex.decode("9F260811223344556677885A0862220212345678905703622202");
        assertThat(Masking.icc(icc)).isEqualTo("9F260811223344556677885A08****************5703******");
        assertThat(Masking.icc(Hex.decode("9F2608112233"))).isEqualTo("[6 bytes, not TLV, hidden 非TLV已隐藏]");
    }

    @Test
    void aPrintedMessageNeverShowsThePanTrackPinBlockOrKeys() {
        IsoMessage m = CUP.newMessage("0810").set(2, "6222021234567890123")
                .set(35, "6222021234567890123=28122011234500000").setHex(52, "0123456789ABCDEF")
                .setHex(62, "6701EAD6A9AD51E51AA406E2C27FCFA98D0A74B8B651F9E9BACE9AE10000000000000000AB7153CA");
        for (String printed : new String[]{m.toString(), CUP.unpackOrThrow(CUP.pack(m)).toString()}) {
            assertThat(printed)
                    .doesNotContain("6222021234567890123")
                    .doesNotContain("28122011234500000")
                    .doesNotContain("0123456789ABCDEF")
                    .doesNotContain("6701EAD6")
                    .contains("[40 bytes hidden 已隐藏]");
        }
    }

    @Test
    void aRefusedValueIsNeverEchoedInTheError() {
        assertThatThrownBy(() -> CUP.newMessage("0200").set(2, "62220212345678901234567"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("field 2: 23 digits, the most is 19");
        assertThatThrownBy(() -> CUP.newMessage("0200").set(35, "6222021234567890123X2812"))
                .hasMessage("field 35: character 20 is not a track-2 symbol (digit or =)");
    }
}
