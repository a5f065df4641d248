package io.shoudan.iso8583.key;


import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * A DES (8 bytes), double-length 3DES (16 bytes, K1K2K1) or triple-length 3DES (24 bytes) key. Immutable.
 * {@code toString()} shows the length and check value, never the key.
 */
public final class DesKey implements SymmetricKey {

    private final byte[] key;
    private final SecretKeySpec spec;
    private final String transformation;

    private DesKey(byte[] key) {
        if (key.length != 8 && key.length != 16 && key.length != 24) {
            throw new IllegalArgumentException("a DES/3DES key is 8, 16 or 24 bytes, was " + key.length);
        }
        this.key = key.clone();
        if (key.length == 8) {
            this.spec = new SecretKeySpec(this.key, "DES");
            this.transformation = "DES/ECB/NoPadding";
        } else {
            byte[] k24 = key.length == 24 ? this.key.clone() : Arrays.copyOf(this.key, 24);
            if (key.length == 16) {
                System.arraycopy(this.key, 0, k24, 16, 8);
            }
            this.spec = new SecretKeySpec(k24, "DESede");
            Arrays.fill(k24, (byte) 0);
            this.transformation = "DESede/ECB/NoPadding";
        }
    }

    public static DesKey of(byte[] key) {
        return new DesKey(key);
    }

    /** Parses a key from hex; the error never echoes the input. */
    public static DesKey ofHex(String hex) {
        return KeyHex.parse(hex, DesKey::new);
    }

    @Override
    public int blockSize() {
        return 8;
    }

    @Override
    public int length() {
        return key.length;
    }

    /** Whether this is a single-length DES key. */
    public boolean singleLength() {
        return key.length == 8;
    }

    /** The left half (K1) of a double-length key as a single DES key; this key itself when single. */
    public DesKey left() {
        return key.length == 8 ? this : new DesKey(Arrays.copyOfRange(key, 0, 8));
    }

    /** The right half (K2) of a double-length key. */
    public DesKey right() {
        if (key.length == 8) {
            throw new IllegalStateException("a single-length key has no right half");
        }
        return new DesKey(Arrays.copyOfRange(key, 8, 16));
    }

    @Override
    public void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        crypt(Cipher.ENCRYPT_MODE, in, inOff, out, outOff);
    }

    @Override
    public void decryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        crypt(Cipher.DECRYPT_MODE, in, inOff, out, outOff);
    }

    private void crypt(int mode, byte[] in, int inOff, byte[] out, int outOff) {
        try {
            Cipher c = Cipher.getInstance(transformation);
            c.init(mode, spec);
            c.doFinal(in, inOff, 8, out, outOff);
        } catch (GeneralSecurityException e) {
            // DES and DESede/ECB/NoPadding are mandatory in every JDK: failing here is a broken runtime.
            throw new IllegalStateException("DES cipher unavailable: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public byte[] bytes() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DesKey d && java.security.MessageDigest.isEqual(key, d.key);
    }

    @Override
    public int hashCode() {
        return checkValue().hashCode();
    }

    @Override
    public String toString() {
        return "DesKey[" + key.length + " bytes, KCV " + checkValue() + "]";
    }
}
