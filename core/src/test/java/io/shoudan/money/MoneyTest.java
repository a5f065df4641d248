package io.shoudan.money;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @ParameterizedTest(name = "\"{0}\" is {1} fen and prints as {2}")
    @CsvSource({
            "1288.00, 128800, 1288.00",
            "0.01, 1, 0.01",
            "0.5, 50, 0.50",
            "7, 700, 7.00",
            "0, 0, 0.00",
            "0.00, 0, 0.00",
            "-5.00, -500, -5.00",
            "-0.05, -5, -0.05",
            "999999999999999.99, 99999999999999999, 999999999999999.99"})
    void parsesDecimalStringsWithAtMostTwoDecimals(String text, long fen, String printed) {
        Money money = Money.parse(text);

        assertThat(money.fen()).isEqualTo(fen);
        assertThat(money).hasToString(printed);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"1288.001", "12.", ".5", "1,288.00", "1e3", "+1.00", "01.00", "", " 1.00", "abc", "NaN",
            "1000000000000000.00", "--1"})
    void refusesAnythingThatIsNotAPlainAmountInYuan(String text) {
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an amount in CNY with at most two decimals");
    }

    @Property
    void printingAndParsingRoundTrips(@ForAll @LongRange(min = -99_999_999_999_999_999L, max = 99_999_999_999_999_999L) long fen) {
        Money money = Money.ofFen(fen);

        assertThat(Money.parse(money.toString())).isEqualTo(money);
    }

    @Property
    void addingThenSubtractingGivesBackTheAmount(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
                                                  @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        assertThat(Money.ofFen(a).plus(Money.ofFen(b)).minus(Money.ofFen(b))).isEqualTo(Money.ofFen(a));
    }

    @org.junit.jupiter.api.Test
    void overflowFailsLoudlyInsteadOfWrapping() {
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
    }
}
