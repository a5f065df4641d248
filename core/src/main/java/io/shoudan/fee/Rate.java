package io.shoudan.fee;

import io.shoudan.money.Money;

import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * A fee rate in parts per million (ppm) of the amount: 0.38% = 3,800 ppm, 0.6% = 6,000 ppm. Integer
 * ppm keeps rates such as 0.385% exact, where basis points would not.
 */
public record Rate(long ppm) implements Comparable<Rate> {

    public static final Rate ZERO = new Rate(0);
    private static final long PPM_PER_PERCENT = 10_000L;
    private static final long ONE_MILLION = 1_000_000L;
    /** Up to four decimals of a percent, which is one ppm. */
    private static final Pattern PERCENT = Pattern.compile("(0|[1-9][0-9]?|100)(\\.[0-9]{1,4})?");

    public Rate {
        if (ppm < 0 || ppm > ONE_MILLION) {
            throw new IllegalArgumentException("a rate must be between 0 and 1,000,000 ppm (0-100%), got " + ppm);
        }
    }

    /** Parses a percentage such as {@code "0.38"} (meaning 0.38%) with at most four decimals. */
    public static Rate percent(String text) {
        if (text == null || !PERCENT.matcher(text).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a percentage with at most four decimals (e.g. \"0.38\")");
        }
        int dot = text.indexOf('.');
        long whole = Long.parseLong(dot < 0 ? text : text.substring(0, dot));
        long fraction = 0;
        if (dot >= 0) {
            String digits = text.substring(dot + 1);
            fraction = Long.parseLong(digits + "0000".substring(digits.length()));
        }
        return new Rate(whole * PPM_PER_PERCENT + fraction);
    }

    public static Rate basisPoints(long bp) {
        return new Rate(Math.multiplyExact(bp, 100L));
    }

    /**
     * {@code amount × rate}, rounded to the fen by {@code rounding} (fees use {@link FeeRule#ROUNDING}).
     * The amount must not be negative: only a positive amount has a fee.
     */
    public Money of(Money amount, RoundingMode rounding) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a rate applies to an amount that is not negative, got " + amount);
        }
        return amount.times(ppm, ONE_MILLION, rounding);
    }

    @Override
    public int compareTo(Rate other) {
        return Long.compare(ppm, other.ppm);
    }

    /** The rate as a percentage, e.g. {@code 0.38%} or {@code 0.385%}. */
    @Override
    public String toString() {
        long whole = ppm / PPM_PER_PERCENT;
        long fraction = ppm % PPM_PER_PERCENT;
        if (fraction == 0) {
            return whole + "%";
        }
        String digits = String.format("%04d", fraction).replaceAll("0+$", "");
        return whole + "." + digits + "%";
    }
}
