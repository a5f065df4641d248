package io.shoudan.iso8583.frame;

import io.shoudan.iso8583.encoding.Hex;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TpduTest {

    @Test
    void aFrameIsTheLengthOfTpduAndMessageThenTheTpduThenTheMessage() {
        byte[] message = Hex.decode("0820000000000000000000");
        Tpdu tpdu = Tpdu.read(Hex.decode("6000030000"), 0);
        assertThat(tpdu).isEqualTo(new Tpdu(0x0003, 0x0000));
        assertThat(Hex.encode(tpdu.frame(message, 0, message.length)))
                .isEqualTo("0010" + "6000030000" + "0820000000000000000000");
    }

    @Test
    void theResponseSwapsTheAddresses() {
        assertThat(new Tpdu(0x0003, 0x1234).reply()).isEqualTo(new Tpdu(0x1234, 0x0003));
    }

    @Test
    void aTpduThatIsShortOrNotId60IsRefused() {
        assertThatThrownBy(() -> Tpdu.read(Hex.decode("60000300"), 0)).hasMessage("frame shorter than a TPDU");
        assertThatThrownBy(() -> Tpdu.read(Hex.decode("6100030000"), 0)).hasMessage("TPDU ID is not 60");
    }

    @Test
    void aMessageTooLongForTheTwoByteLengthIsRefused() {
        byte[] huge = new byte[0xFFFF];
        assertThatThrownBy(() -> new Tpdu(0, 0).frame(huge, 0, huge.length)).hasMessageContaining("too long");
    }
}
