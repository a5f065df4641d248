package io.shoudan.iso8583.cup;

import java.util.Objects;

/**
 * CUP field 61 原始信息域 (BCD LLLVAR n..29) of a void, a refund or a reversal: 61.1 original batch number n6,
 * 61.2 original trace number n6, then optional 61.3 original transaction date n4 (MMDD), 61.4 original authorization
 * method n2 and 61.5 original authorizing institution n11 (kept together in {@code tail}, digits).
 */
public record Field61(String originalBatchNumber, String originalTraceNumber, String tail) {
    /** 61.1 and 61.2: the least a field 61 carries. */
    public static final int DIGITS_MIN = 12;

    public Field61 {
        requireDigits("61.1", originalBatchNumber, 6);
        requireDigits("61.2", originalTraceNumber, 6);
        Objects.requireNonNull(tail, "tail");
        if (tail.length() > 17 || !tail.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("61.3–61.5 are at most 17 digits");
        }
    }

    public static Field61 of(String originalBatchNumber, String originalTraceNumber) {
        return new Field61(originalBatchNumber, originalTraceNumber, "");
    }

    /** Parses the digits of field 61; at least 61.1 and 61.2 (12 digits) must be present. */
    public static Field61 parse(String digits) {
        if (digits == null || digits.length() < DIGITS_MIN) {
            throw new IllegalArgumentException("field 61 needs at least " + DIGITS_MIN + " digits (61.1–61.2)");
        }
        return new Field61(digits.substring(0, 6), digits.substring(6, 12), digits.substring(12));
    }

    /** The digits to set as field 61. */
    public String format() {
        return originalBatchNumber + originalTraceNumber + tail;
    }

    private static void requireDigits(String id, String value, int length) {
        Objects.requireNonNull(value, id);
        if (value.length() != length || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(id + " must be " + length + " digits");
        }
    }
}
