package io.shoudan.iso8583.key;

import io.shoudan.iso8583.encoding.Hex;

import java.util.Arrays;
import java.util.function.Function;

/** Reads a key from hex for any key type: the error never echoes the input, and the clear bytes are wiped. */
final class KeyHex {

    private KeyHex() {
    }

    static <K> K parse(String hex, Function<byte[], K> key) {
        byte[] b;
        try {
            b = Hex.decode(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key is not valid hex");
        }
        try {
            return key.apply(b);
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }
}
