package io.shoudan.iso8583.mac;

import io.shoudan.iso8583.key.SymmetricKey;
import io.shoudan.iso8583.message.ParsedMessage;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Field 64 over packed images: the MAC block is every byte from the MTI up to field 64 (which is always the last
 * field of a 64-field message).
 */
public final class MessageMac {
    private final MacAlgorithm algorithm;

    public MessageMac(MacAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    }

    public MacAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * Fills field 64 of a message packed into {@code image[start, end)} with field 64 present (any placeholder
     * bytes) as its last 8 bytes.
     */
    public void sign(SymmetricKey mak, byte[] image, int start, int end) {
        if (end - start < 8 + 2 + 8) {
            throw new IllegalArgumentException("image too short to carry field 64");
        }
        byte[] mac = algorithm.mac(mak, image, start, end - 8 - start);
        System.arraycopy(mac, 0, image, end - 8, 8);
    }

    /** Whether field 64 of {@code m} is the right MAC; false when the message carries no field 64. */
    public boolean verify(SymmetricKey mak, ParsedMessage m) {
        if (!m.has(64)) {
            return false;
        }
        int macOffset = m.fieldOffset(64);
        byte[] image = m.image();
        byte[] expected = algorithm.mac(mak, image, m.start(), macOffset - m.start());
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(image, macOffset, macOffset + 8));
    }
}
