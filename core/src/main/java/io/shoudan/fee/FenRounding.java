package io.shoudan.fee;

import java.math.BigInteger;

/**
 * The one place where a fee is divided: {@code a × b ÷ c} rounded half-up to a whole fen, computed
 * exactly with integers. {@code BigInteger} keeps the product exact even for the largest amounts; a
 * {@code double} would lose fen long before that.
 */
public final class FenRounding {

    private static final BigInteger TWO = BigInteger.valueOf(2);

    private FenRounding() {
    }

    /**
     * {@code a × b ÷ c}, rounded half-up (a remainder of exactly one half rounds away from zero).
     * Only non-negative operands occur in fees; a negative one is a programming error.
     */
    public static long halfUp(long a, long b, long c) {
        if (a < 0 || b < 0 || c <= 0) {
            throw new IllegalArgumentException("halfUp needs a, b >= 0 and c > 0, got " + a + ", " + b + ", " + c);
        }
        BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        BigInteger[] quotientAndRemainder = product.divideAndRemainder(BigInteger.valueOf(c));
        BigInteger quotient = quotientAndRemainder[0];
        // remainder / c >= 1/2  <=>  2 × remainder >= c
        if (quotientAndRemainder[1].multiply(TWO).compareTo(BigInteger.valueOf(c)) >= 0) {
            quotient = quotient.add(BigInteger.ONE);
        }
        return quotient.longValueExact();
    }
}
