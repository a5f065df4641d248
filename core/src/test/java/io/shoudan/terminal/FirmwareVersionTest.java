package io.shoudan.terminal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirmwareVersionTest {

    @ParameterizedTest(name = "{0} compared with {1} is {2}")
    @CsvSource({
            "3.10.0, 3.9.2, 1",
            "3.9.2, 3.10.0, -1",
            "3.2.0, 3.2.0, 0",
            "3.2, 3.2.0, 0",
            "3.2.0.1, 3.2.0, 1",
            "3.1.4, 3.2.0, -1",
            "10.0, 9.99.99, 1",
            "03.2.0, 3.2.0, 0"})
    void versionsCompareNumberByNumber(String left, String right, int sign) {
        assertThat(Integer.signum(FirmwareVersion.parse(left).compareTo(FirmwareVersion.parse(right)))).isEqualTo(sign);
    }

    @ParameterizedTest(name = "\"{0}\" is not a version")
    @ValueSource(strings = {"3.x", "", "3..1", ".3", "3.", "v3.2", "3.2-beta", "1.2.3.4.5.6.7", "99999999999"})
    void refusesWhatIsNotADottedNumber(String text) {
        assertThatThrownBy(() -> FirmwareVersion.parse(text)).hasMessageContaining("is not a version");
    }

    @org.junit.jupiter.api.Test
    void equalVersionsHaveEqualHashes() {
        assertThat(FirmwareVersion.parse("3.2")).isEqualTo(FirmwareVersion.parse("3.2.0"))
                .hasSameHashCodeAs(FirmwareVersion.parse("3.2.0"));
    }
}
