package io.shoudan.money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Money#times} and {@link Money#shareOf}: the rounding is checked against the exact value with
 * integers only ({@code result × denominator} against {@code fen × numerator}), not against a second
 * implementation of the same division.
 */
class MoneyRoundingProperties {

    /** Up to 15 digits of yuan, what {@link Money#parse} accepts. */
    private static final long LARGEST_FEN = 999_999_999_999_999_99L;

    @ParameterizedTest(name = "{0} fen × {1} ÷ {2}, {3}: {4} fen")
    @CsvSource({
            "25, 1, 2, HALF_UP, 13",       // exactly half a fen rounds up
            "25, 1, 2, HALF_EVEN, 12",     // and is the caller's choice
            "25, 1, 2, FLOOR, 12",
            "24, 1, 2, UNNECESSARY, 12",
            "-25, 1, 2, HALF_UP, -13",     // half-up rounds a negative half away from zero
            "2500, 3800, 1000000, HALF_UP, 10",
            "2499, 3800, 1000000, HALF_UP, 9",
            "99999999999999999, 1000000, 1000000, HALF_UP, 99999999999999999",
    })
    void anAmountScalesExactlyAndRoundsOnlyAtTheFen(long fen, long numerator, long denominator, RoundingMode rounding, long result) {
        assertThat(Money.ofFen(fen).times(numerator, denominator, rounding)).isEqualTo(Money.ofFen(result));
    }

    @ParameterizedTest(name = "{0} fen × {1} ÷ {2} is refused")
    @CsvSource({"100, 1, 0", "100, 1, -3"})
    void aScaleNeedsAPositiveDenominator(long fen, long numerator, long denominator) {
        assertThatThrownBy(() -> Money.ofFen(fen).times(numerator, denominator, RoundingMode.HALF_UP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive denominator");
    }

    @ParameterizedTest(name = "a share of 3.80 for {0} of {1} is refused")
    @CsvSource({"1.00, 0.00", "1.00, -1.00"})
    void aShareNeedsAPositiveWhole(String part, String whole) {
        assertThatThrownBy(() -> Money.parse("3.80").shareOf(Money.parse(part), Money.parse(whole), RoundingMode.HALF_UP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive whole");
    }

    @Property
    void halfUpIsWithinHalfAFenOfTheExactValueAndAnExactHalfGoesAwayFromZero(
            @ForAll @LongRange(min = -LARGEST_FEN, max = LARGEST_FEN) long fen,
            @ForAll @LongRange(min = 0, max = 1_000_000) long anyNumerator,
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long denominator) {
        long numerator = anyNumerator % (denominator + 1);   // a part of the amount, as a rate or a share is
        Money rounded = Money.ofFen(fen).times(numerator, denominator, RoundingMode.HALF_UP);
        BigInteger d = BigInteger.valueOf(denominator);
        // twice the rounding error, in units of 1 / denominator of a fen
        BigInteger twiceError = BigInteger.valueOf(rounded.fen()).multiply(d)
                .subtract(BigInteger.valueOf(fen).multiply(BigInteger.valueOf(numerator))).shiftLeft(1);
        if (fen >= 0) {
            assertThat(twiceError).isGreaterThan(d.negate()).isLessThanOrEqualTo(d);
        } else {
            assertThat(twiceError).isGreaterThanOrEqualTo(d.negate()).isLessThan(d);
        }
    }

    @Property
    void halfUpLiesBetweenFloorAndCeilingWhichAreOneFenApartUnlessExact(
            @ForAll @LongRange(min = 0, max = LARGEST_FEN) long fen,
            @ForAll @LongRange(min = 0, max = 1_000_000) long anyNumerator,
            @ForAll @LongRange(min = 1, max = 1_000_000) long denominator) {
        long numerator = anyNumerator % (denominator + 1);
        Money amount = Money.ofFen(fen);
        Money floor = amount.times(numerator, denominator, RoundingMode.FLOOR);
        Money ceiling = amount.times(numerator, denominator, RoundingMode.CEILING);
        Money halfUp = amount.times(numerator, denominator, RoundingMode.HALF_UP);
        assertThat(halfUp).isBetween(floor, ceiling);
        boolean exact = BigInteger.valueOf(fen).multiply(BigInteger.valueOf(numerator)).mod(BigInteger.valueOf(denominator)).signum() == 0;
        assertThat(ceiling.minus(floor)).isEqualTo(exact ? Money.ZERO : Money.ofFen(1));
        assertThat(halfUp.isNegative()).isFalse();
    }

    @Property
    void sharesTakenOnTheRunningTotalAddUpToTheWholeAndNeverGoBack(@ForAll("splits") Split split) {
        Money whole = Money.ofFen(split.wholeFen());
        Money amount = Money.ofFen(split.amountFen());
        Money partsSoFar = Money.ZERO;
        Money sharedSoFar = Money.ZERO;
        Money sum = Money.ZERO;
        for (long pieceFen : split.piecesFen()) {
            partsSoFar = partsSoFar.plus(Money.ofFen(pieceFen));
            Money sharedAfter = amount.shareOf(partsSoFar, whole, RoundingMode.HALF_UP);
            Money piece = sharedAfter.minus(sharedSoFar);
            assertThat(piece.isNegative()).isFalse();
            sum = sum.plus(piece);
            sharedSoFar = sharedAfter;
        }
        assertThat(sum).isEqualTo(amount);
    }

    @Property
    void aShareOfTheWholeIsTheAmountAndOfNothingIsZero(
            @ForAll @LongRange(min = 0, max = LARGEST_FEN) long fen,
            @ForAll @LongRange(min = 1, max = LARGEST_FEN) long wholeFen,
            @ForAll @IntRange(min = 0, max = 3) int mode) {
        RoundingMode rounding = List.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING).get(mode);
        Money amount = Money.ofFen(fen);
        Money whole = Money.ofFen(wholeFen);
        assertThat(amount.shareOf(whole, whole, rounding)).isEqualTo(amount);
        assertThat(amount.shareOf(Money.ZERO, whole, rounding)).isEqualTo(Money.ZERO);
    }

    record Split(long amountFen, long wholeFen, List<Long> piecesFen) {
    }

    @Provide
    Arbitrary<Split> splits() {
        return Arbitraries.longs().between(1, 1_000_000_000_00L).flatMap(wholeFen ->
                Arbitraries.longs().between(0, wholeFen).flatMap(amountFen ->
                        Arbitraries.integers().between(1, 12).flatMap(count ->
                                Arbitraries.longs().map(seed -> new Split(amountFen, wholeFen, RandomParts.of(wholeFen, count, seed))))));
    }
}
