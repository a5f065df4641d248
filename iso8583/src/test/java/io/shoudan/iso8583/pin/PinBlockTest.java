package io.shoudan.iso8583.pin;

import io.shoudan.iso8583.encoding.Hex;
import io.shoudan.iso8583.key.DesKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PinBlockTest {

    private static final DesKey TPK = DesKey.ofHex("807A23AD32B36D457AE91FDF927570EA");
    private static final Pan PAN = new Pan("123456789012345678");

    @Test
    void theChannelsVectorGivesTheExpectedClearFormat0Block() {
        assertThat(Hex.encode(PinBlock.clearFormat0(Pin.of("123456"), PAN))).isEqualTo("061253DFFEDCBA98");
    }

    @ParameterizedTest(name = "PIN {0} with PAN {1} -> {2}")
    @CsvSource({
            // 4 digits (shortest PIN), 12 digits (longest PIN) with a 12-digit PAN (shortest: only 11 digits left of the
            // check digit, padded with a leading 0), and a 19-digit PAN (longest).
            "1234,         4000001234567899,    041234FEDCBA9876",
            "123456789012, 123456789012,        0C1235753DF79BFE",
            "1234,         6222021234567890123, 041226CBA9876FED",
    })
    void format0BlocksAtTheLengthBoundaries(String pin, String pan, String expected) {
        assertThat(Hex.encode(PinBlock.clearFormat0(Pin.of(pin), new Pan(pan)))).isEqualTo(expected);
    }

    @Test
    void field52IsTheClearBlockEncryptedUnderTheTpkAndDecryptsBack() {
        byte[] field52 = PinBlock.encryptFormat0(TPK, Pin.of("123456"), PAN);
        assertThat(Hex.encode(field52)).isEqualTo(Hex.encode(TPK.encryptEcb(Hex.decode("061253DFFEDCBA98"))));
        assertThat(PinBlock.decryptFormat0(TPK, field52, PAN)).isEqualTo(new PinBlock.Recovered(Pin.of("123456")));
    }

    @Test
    void aBlockUnderAnotherKeyIsNotTakenForAPin() {
        byte[] field52 = PinBlock.encryptFormat0(TPK, Pin.of("123456"), PAN);
        DesKey other = DesKey.ofHex("0123456789ABCDEFFEDCBA9876543210");
        assertThat(PinBlock.decryptFormat0(other, field52, PAN)).isInstanceOf(PinBlock.NotFormat0.class);
    }

    @Test
    void pinsAndPansNeverPrintInFull() {
        assertThat(Pin.of("123456").toString()).doesNotContain("123456");
        assertThat(PAN.toString()).isEqualTo("Pan[123456********5678]");
    }
}
