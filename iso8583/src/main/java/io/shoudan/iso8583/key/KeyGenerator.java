package io.shoudan.iso8583.key;

import java.security.SecureRandom;
import java.util.Objects;

/** Fresh random keys (DES keys with odd parity, as HSMs and terminals expect). */
public final class KeyGenerator {
    private final SecureRandom random;

    public KeyGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public WorkingKeys workingKeys(KeyScheme scheme) {
        return new WorkingKeys(scheme, key(scheme, scheme.pikBytes()), key(scheme, scheme.makBytes()));
    }

    private SymmetricKey key(KeyScheme scheme, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        if (scheme != KeyScheme.SM4) {
            setOddParity(b);
        }
        try {
            return scheme.key(b);
        } finally {
            java.util.Arrays.fill(b, (byte) 0);
        }
    }

    /** Makes every byte's bit count odd by adjusting its lowest bit (the DES parity bit). */
    public static void setOddParity(byte[] key) {
        for (int i = 0; i < key.length; i++) {
            int b = key[i] & 0xFE;
            key[i] = (byte) (Integer.bitCount(b) % 2 == 0 ? b | 1 : b);
        }
    }
}
