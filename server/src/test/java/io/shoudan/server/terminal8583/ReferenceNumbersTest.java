package io.shoudan.server.terminal8583;

import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceNumbersTest {

    @Test
    void field37IsTheIdsLastTwelveLettersAndDigitsPaddedWithZeros() {
        assertThat(Stream.of("P20261123000001", "P12345678901", "ABCDEFGHIJK", "R-1").map(ReferenceNumbers::rrn))
                .containsExactly("261123000001", "P12345678901", "0ABCDEFGHIJK", "0000000000R1");
    }

    @Test
    void field38IsSixDigitsAndTheSameForTheSameId() {
        assertThat(ReferenceNumbers.authCode("P20261123000001")).hasSize(6).containsOnlyDigits()
                .isEqualTo(ReferenceNumbers.authCode("P20261123000001"));
    }
}
