package io.shoudan.payment;

import io.shoudan.method.PaymentCode;

import java.util.regex.Pattern;

/**
 * What the consumer presented. Card data never enters the domain: the ISO 8583 ingress keeps the
 * track, PIN block and chip data and passes a {@link CardReference} the card channel adapter resolves.
 */
public sealed interface Instrument {

    /** A payment code (付款码) the terminal scanned from the consumer's phone; printed masked. */
    record ScannedCode(String code) implements Instrument {
        public ScannedCode {
            if (code == null || code.isEmpty() || code.length() > 32) {
                throw new IllegalArgumentException("a scanned payment code must be 1-32 characters");
            }
        }

        @Override
        public String toString() {
            return "ScannedCode[" + PaymentCode.masked(code) + "]";
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
