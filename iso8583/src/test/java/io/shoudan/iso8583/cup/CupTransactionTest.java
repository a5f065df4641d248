package io.shoudan.iso8583.cup;

import io.shoudan.iso8583.message.IsoMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static io.shoudan.iso8583.cup.CupGoldenImagesTest.CUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CupTransactionTest {

    @ParameterizedTest(name = "{0} {1} {2} 60.1={3} is {4}")
    @CsvSource({
            "0200, 310000, 00, 01, BALANCE_INQUIRY",
            "0100, 030000, 06, 10, PRE_AUTH",
            "0100, 200000, 06, 11, PRE_AUTH_VOID",
            "0200, 000000, 06, 20, PRE_AUTH_COMPLETION",
            "0200, 000000, 00, 22, SALE",
            "0200, 200000, 00, 23, VOID",
            "0220, 200000, 00, 25, REFUND",
            // A reversal carries its original's F3, F25 and 60.1.
            "0400, 000000, 00, 22, SALE",
            "0400, 200000, 00, 23, VOID",
    })
    void theTransactionIsToldByMtiProcessingCodeConditionCodeAndTypeCode(String mti, String f3, String f25,
                                                                          String type, CupTransaction expected) {
        IsoMessage m = CUP.newMessage(mti).set(3, f3).set(25, f25).set(60, type + "000001000");
        assertThat(CupTransaction.identify(m)).contains(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} 60.1={3} is not a known transaction")
    @CsvSource({
            "0200, 000000, 00, 23",   // sale codes with the void type
            "0220, 000000, 00, 25",   // refund with a sale processing code
            "0210, 000000, 00, 22",   // a response is not a request
    })
    void combinationsOutsideTheTableAreNotGuessed(String mti, String f3, String f25, String type) {
        IsoMessage m = CUP.newMessage(mti).set(3, f3).set(25, f25).set(60, type + "000001000");
        assertThat(CupTransaction.identify(m)).isEmpty();
    }

    @Test
    void aMessageWithoutField60IsNotIdentified() {
        assertThat(CupTransaction.identify(CUP.newMessage("0200").set(3, "000000").set(25, "00"))).isEqualTo(Optional.empty());
    }

    @Test
    void field60FormatsAndParsesItsSubFields() {
        Field60 f = Field60.of("00", "000001", NetworkManagementCode.SIGN_ON_DOUBLE_LENGTH_WITH_TDK);
        assertThat(f.format()).isEqualTo("00000001004");
        assertThat(Field60.parse("2200000100050")).isEqualTo(new Field60("22", "000001", "000", "50"));
        assertThat(NetworkManagementCode.of("301")).contains(NetworkManagementCode.ECHO);
        assertThatThrownBy(() -> Field60.parse("2200000100")).hasMessageContaining("at least 11 digits");
        assertThatThrownBy(() -> new Field60("2", "000001", "000", "")).hasMessage("60.1 must be 2 digits");
    }
}
