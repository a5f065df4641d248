package io.shoudan.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * An amount of Chinese yuan (CNY), held as a whole number of fen (0.01 CNY).
 *
 * <p>There is no floating point anywhere: amounts are parsed from decimal strings with at most two
 * decimals and printed back the same way. Negative amounts exist because a cashier can type one and
 * a diagnosis must be able to say so ({@code OPERATION.INVALID_AMOUNT}); arithmetic fails loudly on
 * overflow rather than wrapping.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    /** Up to 15 digits of yuan keeps every value, times 100, far inside a {@code long}. */
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,2})?");

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    public static Money ofYuan(long yuan) {
        return new Money(Math.multiplyExact(yuan, 100L));
    }

    /**
     * Parses a decimal string such as {@code "1288.00"}, {@code "0.5"} or {@code "-3"}.
     *
     * @throws IllegalArgumentException when the text is not a CNY amount with at most two decimals
     */
    public static Money parse(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" is not an amount in CNY with at most two decimals (e.g. \"1288.00\")");
        }
        boolean negative = text.charAt(0) == '-';
        String digits = negative ? text.substring(1) : text;
        int dot = digits.indexOf('.');
        long yuan = Long.parseLong(dot < 0 ? digits : digits.substring(0, dot));
        long cents = 0;
        if (dot >= 0) {
            String fraction = digits.substring(dot + 1);
            cents = Long.parseLong(fraction) * (fraction.length() == 1 ? 10 : 1);
        }
        long fen = yuan * 100 + cents;
        return new Money(negative ? -fen : fen);
    }

    /** True when {@code text} would parse; for validators that want to report rather than throw. */
    public static boolean isValid(String text) {
        return text != null && DECIMAL.matcher(text).matches();
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money negate() {
        return new Money(Math.negateExact(fen));
    }

    /**
     * {@code this × numerator ÷ denominator}, rounded to a whole fen by {@code rounding}: the one place
     * where an amount is scaled (a rate applied, a share of a fee). Exact before the rounding whatever the
     * operands — the product is not held in a {@code long}, and a {@code double} would lose fen long
     * before that — so the rounding mode alone decides the last fen: {@link RoundingMode#HALF_UP} rounds
     * a remainder of exactly one half away from zero, {@link RoundingMode#UNNECESSARY} refuses any
     * remainder.
     *
     * @throws IllegalArgumentException when {@code denominator} is not positive
     * @throws ArithmeticException      when {@code rounding} is {@code UNNECESSARY} and the result is not
     *                                  whole fen, or the result does not fit in a {@code long} of fen
     */
    public Money times(long numerator, long denominator, RoundingMode rounding) {
        if (denominator <= 0 || rounding == null) {
            throw new IllegalArgumentException("scaling " + this + " needs a positive denominator and a rounding mode, got "
                    + numerator + " / " + denominator + " and " + rounding);
        }
        BigDecimal exact = BigDecimal.valueOf(fen).multiply(BigDecimal.valueOf(numerator));
        return new Money(exact.divide(BigDecimal.valueOf(denominator), 0, rounding).longValueExact());
    }

    /**
     * This amount's share for {@code part} of {@code whole}: {@code this × part ÷ whole}, rounded by
     * {@code rounding} — e.g. the part of a fee that goes back with a partial refund.
     *
     * @throws IllegalArgumentException when {@code whole} is not positive
     */
    public Money shareOf(Money part, Money whole, RoundingMode rounding) {
        if (!whole.isPositive()) {
            throw new IllegalArgumentException("a share of " + this + " needs a positive whole, got " + whole);
        }
        return times(part.fen, whole.fen, rounding);
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isGreaterThan(Money other) {
        return fen > other.fen;
    }

    public boolean isLessThan(Money other) {
        return fen < other.fen;
    }

    public static Money max(Money a, Money b) {
        return a.fen >= b.fen ? a : b;
    }

    public static Money min(Money a, Money b) {
        return a.fen <= b.fen ? a : b;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    /** The decimal form with exactly two decimals: {@code "1288.00"}, {@code "-0.05"}. */
    @Override
    public String toString() {
        long abs = Math.abs(fen);
        long yuan = abs / 100;
        long cents = abs % 100;
        StringBuilder out = new StringBuilder(24);
        if (fen < 0) {
            out.append('-');
        }
        out.append(yuan).append('.');
        if (cents < 10) {
            out.append('0');
        }
        return out.append(cents).toString();
    }
}
