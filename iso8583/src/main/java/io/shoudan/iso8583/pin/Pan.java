package io.shoudan.iso8583.pin;

import io.shoudan.iso8583.message.Masking;

import java.util.Objects;

/** A primary account number (12–19 digits). Printed masked (first 6, last 4). */
public record Pan(String digits) {
    public Pan {
        Objects.requireNonNull(digits, "digits");
        if (digits.length() < 12 || digits.length() > 19) {
            throw new IllegalArgumentException("a PAN has 12 to 19 digits, had " + digits.length());
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("a PAN is digits only (position " + (i + 1) + ")");
            }
        }
    }

    /**
     * The 12 digits left of the check digit, as ISO 9564 format 0 takes them; a 12-digit PAN has only 11, padded
     * with a leading 0.
     */
    String rightmost12ExcludingCheckDigit() {
        int end = digits.length() - 1;
        return end >= 12 ? digits.substring(end - 12, end) : "0".repeat(12 - end) + digits.substring(0, end);
    }

    @Override
    public String toString() {
        return "Pan[" + Masking.pan(digits) + "]";
    }
}
