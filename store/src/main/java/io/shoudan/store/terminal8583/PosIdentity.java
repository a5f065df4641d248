package io.shoudan.store.terminal8583;

import java.util.Objects;

/**
 * What a POS says it is in every ISO 8583 message: field 41 (terminal id, 8 characters) and field 42 (card
 * acceptor id, i.e. the merchant number printed on the slip, 15 characters).
 */
public record PosIdentity(String terminalId, String acceptorId) {
    public PosIdentity {
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(acceptorId, "acceptorId");
        if (terminalId.length() != 8 || !printableAscii(terminalId)) {
            throw new IllegalArgumentException("field 41 must be 8 printable ASCII characters, was '" + terminalId + "'");
        }
        if (acceptorId.length() != 15 || !printableAscii(acceptorId)) {
            throw new IllegalArgumentException("field 42 must be 15 printable ASCII characters, was '" + acceptorId + "'");
        }
    }

    private static boolean printableAscii(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
