package io.shoudan.merchant;

/**
 * A GB/T 2260 administrative division code, six digits: province (2), city (4), district (6),
 * e.g. {@code 310115} = Shanghai, Pudong New Area.
 */
public record RegionCode(String value) {

    public RegionCode {
        if (!RegionPrefix.isDigits(value, 6)) {
            throw new IllegalArgumentException("\"" + value + "\" is not a region code (six GB/T 2260 digits)");
        }
    }

    /** The first four digits: the prefecture-level city, the unit 移机 rules compare. */
    public String city() {
        return value.substring(0, 4);
    }

    public boolean sameCityAs(RegionCode other) {
        return value.regionMatches(0, other.value, 0, 4);
    }

    @Override
    public String toString() {
        return value;
    }
}
