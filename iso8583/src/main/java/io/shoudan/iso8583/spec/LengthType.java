package io.shoudan.iso8583.spec;

/** How a field's length is known: fixed by the spec, or carried in a 2- or 3-digit prefix. */
public enum LengthType {
    FIXED(0),
    LLVAR(2),
    LLLVAR(3);

    private final int prefixDigits;

    LengthType(int prefixDigits) {
        this.prefixDigits = prefixDigits;
    }

    /** Decimal digits in the length prefix (0 for fixed fields). */
    public int prefixDigits() {
        return prefixDigits;
    }

    /** Largest length the prefix can express: 99 for LL, 999 for LLL. */
    public int prefixCapacity() {
        return switch (this) {
            case FIXED -> Integer.MAX_VALUE;
            case LLVAR -> 99;
            case LLLVAR -> 999;
        };
    }
}
