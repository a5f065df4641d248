package io.shoudan.iso8583.pin;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A cardholder PIN (4–12 digits). Never printed; compared in constant time. */
public final class Pin {
    private final byte[] digits;

    private Pin(byte[] digits) {
        this.digits = digits;
    }

    public static Pin of(String digits) {
        Objects.requireNonNull(digits, "digits");
        if (digits.length() < 4 || digits.length() > 12) {
            throw new IllegalArgumentException("a PIN has 4 to 12 digits");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("a PIN is digits only");
            }
        }
        return new Pin(digits.getBytes(StandardCharsets.US_ASCII));
    }

    public int length() {
        return digits.length;
    }

    int digit(int i) {
        return digits[i] - '0';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pin p && MessageDigest.isEqual(digits, p.digits);
    }

    @Override
    public int hashCode() {
        return digits.length;
    }

    @Override
    public String toString() {
        return "Pin[hidden]";
    }
}
