package io.shoudan.iso8583.cup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Field61Test {

    @Test
    void theOriginalBatchAndTraceAreTheFirstTwelveDigitsAndTheRestIsKept() {
        Field61 f = Field61.parse("000001000042" + "1123");

        assertThat(List.of(f.originalBatchNumber(), f.originalTraceNumber(), f.tail())).containsExactly("000001", "000042", "1123");
        assertThat(f.format()).isEqualTo("0000010000421123");
    }

    @Test
    void twelveDigitsAreEnoughAndTwentyNineTheMost() {
        assertThat(Field61.parse("000001000042")).isEqualTo(Field61.of("000001", "000042"));
        assertThat(Field61.parse("00000100004211230112345678901").tail()).hasSize(17);
        assertThatThrownBy(() -> Field61.parse("000001000042112301123456789012")).hasMessageContaining("at most 17 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00000100004", "0000010000A2"})
    void fewerThanTwelveDigitsOrALetterIsRefusedNamingTheSubField(String digits) {
        assertThatThrownBy(() -> Field61.parse(digits)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("61");
    }

    @Test
    void aMissingField61IsRefused() {
        assertThatThrownBy(() -> Field61.parse(null)).hasMessageContaining("at least 12 digits");
    }
}
