package io.shoudan.payment;

import io.shoudan.method.PaymentCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What the consumer presented. Card data never enters the domain: the ISO 8583 ingress keeps the
 * track, PIN block and chip data and passes a {@link CardReference} the card channel adapter resolves.
 */
public sealed interface Instrument {

    /**
     * A payment code (付款码) the terminal scanned from the consumer's phone; printed masked. Until the channel
     * consumes it (it is single use and expires within minutes) the code is a bearer credential: whoever holds it
     * can pay with the consumer's account. So the store keeps only its SHA-256 — enough to recognise the retry of
     * a sale — and its masked form; a code read back from the store is {@linkplain #spent() spent}, has no
     * {@link #code()}, and equals the code it came from. Equal by fingerprint.
     */
    final class ScannedCode implements Instrument {
        private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

        /** Null once read back from the store. */
        private final String code;
        private final String fingerprint;
        private final String masked;

        public ScannedCode(String code) {
            if (code == null || code.isEmpty() || code.length() > 32) {
                throw new IllegalArgumentException("a scanned payment code must be 1-32 characters");
            }
            this.code = code;
            this.fingerprint = fingerprintOf(code);
            this.masked = PaymentCode.masked(code);
        }

        private ScannedCode(String fingerprint, String masked) {
            if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) {
                throw new IllegalArgumentException("a payment code's fingerprint is 64 lower-case hex digits (SHA-256)");
            }
            if (masked == null || masked.isEmpty() || masked.length() > 32) {
                throw new IllegalArgumentException("a masked payment code must be 1-32 characters");
            }
            this.code = null;
            this.fingerprint = fingerprint;
            this.masked = masked;
        }

        /** A code as the store keeps it: its {@link #fingerprint()} and {@link #masked()} form. */
        public static ScannedCode spent(String fingerprint, String masked) {
            return new ScannedCode(fingerprint, masked);
        }

        /** SHA-256 of the code's characters (UTF-8), lower-case hex. */
        public static String fingerprintOf(String code) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JDK", e);
            }
        }

        /** The code itself, to present to the channel; a spent code has none. */
        public String code() {
            if (code == null) {
                throw new IllegalStateException("payment code " + masked + " was stored as its fingerprint only; it cannot be presented again");
            }
            return code;
        }

        /** True for a code read back from the store: only its fingerprint and masked form are known. */
        public boolean spent() {
            return code == null;
        }

        public String fingerprint() {
            return fingerprint;
        }

        /** All but the first and last four digits hidden ({@link PaymentCode#masked}). */
        public String masked() {
            return masked;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ScannedCode that && fingerprint.equals(that.fingerprint);
        }

        @Override
        public int hashCode() {
            return fingerprint.hashCode();
        }

        @Override
        public String toString() {
            return "ScannedCode[" + masked + "]";
        }
    }

    /** An opaque handle on card data held by the ingress, e.g. a token for the terminal's 0200 message. */
    record CardReference(String token) implements Instrument {
        private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

        public CardReference {
            if (token == null || !FORM.matcher(token).matches()) {
                throw new IllegalArgumentException("a card reference is 1-64 letters, digits, '.', ':', '-' or '_'");
            }
        }
    }
}
