package io.shoudan.merchant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerchantValuesTest {

    @ParameterizedTest(name = "range {0} contains {1}: {2}")
    @CsvSource({
            "6010-6012, 6009, false",
            "6010-6012, 6010, true",
            "6011-6011, 6011, true",
            "6010-6012, 6012, true",
            "6010-6012, 6013, false",
            "5944, 5944, true",
            "5944, 5945, false"})
    void mccRangesAreInclusiveAtBothEnds(String range, String mcc, boolean contains) {
        assertThat(MccRange.parse(range).contains(Mcc.parse(mcc))).isEqualTo(contains);
    }

    @ParameterizedTest(name = "\"{0}\" is not an MCC range")
    @ValueSource(strings = {"6012-6010", "601", "60100", "abcd", "6010-", "-6010", "6010-60x2"})
    void badMccRangesAreRefused(String text) {
        assertThatThrownBy(() -> MccRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "prefix {0} covers {1}: {2}")
    @CsvSource({
            "65, 650102, true",
            "65, 640102, false",
            "3101, 310115, true",
            "3101, 310215, false",
            "310115, 310115, true",
            "310115, 310116, false"})
    void regionPrefixesOfTwoFourAndSixDigitsCoverTheirRegions(String prefix, String region, boolean covers) {
        assertThat(new RegionPrefix(prefix).covers(new RegionCode(region))).isEqualTo(covers);
    }

    @ParameterizedTest(name = "\"{0}\" is not a region prefix")
    @ValueSource(strings = {"6", "651", "65010", "6501020", "6a", ""})
    void prefixesOfOtherLengthsAreRefused(String text) {
        assertThatThrownBy(() -> new RegionPrefix(text)).hasMessageContaining("is not a region prefix");
    }

    @ParameterizedTest(name = "{0} and {1} are in the same city: {2}")
    @CsvSource({"310115, 310104, true", "310115, 320115, false", "650102, 650103, true"})
    void relocationComparesTheFirstFourDigits(String a, String b, boolean same) {
        assertThat(new RegionCode(a).sameCityAs(new RegionCode(b))).isEqualTo(same);
    }

    @ParameterizedTest(name = "rating {0} is worse than {1}: {2}")
    @CsvSource({"C, B, true", "B, B, false", "A, B, false", "D, A, true"})
    void creditRatingsCompareAWorst(CreditRating rating, CreditRating minimum, boolean worse) {
        assertThat(rating.isWorseThan(minimum)).isEqualTo(worse);
    }
}
