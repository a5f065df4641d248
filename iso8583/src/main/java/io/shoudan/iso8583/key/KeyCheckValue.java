package io.shoudan.iso8583.key;

import io.shoudan.iso8583.encoding.Hex;

import java.security.MessageDigest;

/** A key check value (KCV): 4 bytes that identify a key without revealing it. Safe to print. */
public final class KeyCheckValue {
    private final byte[] bytes;

    public KeyCheckValue(byte[] bytes) {
        if (bytes.length != 4) {
            throw new IllegalArgumentException("a check value is 4 bytes, was " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    public static KeyCheckValue ofHex(String hex) {
        return new KeyCheckValue(Hex.decode(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Constant-time comparison. */
    public boolean matches(byte[] other, int offset) {
        if (other.length - offset < 4) {
            return false;
        }
        return MessageDigest.isEqual(bytes, java.util.Arrays.copyOfRange(other, offset, offset + 4));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyCheckValue k && MessageDigest.isEqual(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Hex.encode(bytes);
    }
}
