package io.shoudan.sandbox.consumer;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A cardholder's PIN, as the simulated issuer checks it. It never prints: {@code toString} is masked
 * so that a PIN cannot leak into a log or an exception message by accident.
 */
public final class Pin {

    private final String digits;

    private Pin(String digits) {
        this.digits = digits;
    }

    public static Pin of(String digits) {
        Objects.requireNonNull(digits, "digits");
        if (!digits.matches("[0-9]{4,12}")) {
            throw new IllegalArgumentException("a PIN is 4-12 digits");
        }
        return new Pin(digits);
    }

    /** Constant-time comparison, as an issuer would do it. */
    public boolean matches(Pin entered) {
        if (entered == null) {
            return false;
        }
        return MessageDigest.isEqual(digits.getBytes(StandardCharsets.US_ASCII),
                entered.digits.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pin pin && matches(pin);
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "Pin[****]";
    }
}
