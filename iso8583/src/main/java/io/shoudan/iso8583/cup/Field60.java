package io.shoudan.iso8583.cup;

import java.util.Objects;

/**
 * CUP field 60 (BCD LLLVAR n..17): 60.1 transaction type code n2, 60.2 batch number n6, 60.3 network management
 * code n3, then optional 60.4 terminal read capability n1, 60.5 IC card condition code n1, 60.6 partial approval
 * flag n1, 60.7 account type n3 (kept together in {@code tail}, digits).
 */
public record Field60(String typeCode, String batchNumber, String networkManagementCode, String tail) {

    public Field60 {
        requireDigits("60.1", typeCode, 2);
        requireDigits("60.2", batchNumber, 6);
        requireDigits("60.3", networkManagementCode, 3);
        Objects.requireNonNull(tail, "tail");
        if (tail.length() > 6 || !tail.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("60.4–60.7 are at most 6 digits");
        }
    }

    public static Field60 of(String typeCode, String batchNumber, NetworkManagementCode code) {
        return new Field60(typeCode, batchNumber, code.code(), "");
    }

    /** Parses the digits of field 60; at least 60.1–60.3 (11 digits) must be present. */
    public static Field60 parse(String digits) {
        if (digits == null || digits.length() < 11) {
            throw new IllegalArgumentException("field 60 needs at least 11 digits (60.1–60.3)");
        }
        return new Field60(digits.substring(0, 2), digits.substring(2, 8), digits.substring(8, 11), digits.substring(11));
    }

    /** The digits to set as field 60. */
    public String format() {
        return typeCode + batchNumber + networkManagementCode + tail;
    }

    private static void requireDigits(String id, String value, int length) {
        Objects.requireNonNull(value, id);
        if (value.length() != length || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(id + " must be " + length + " digits");
        }
    }
}
