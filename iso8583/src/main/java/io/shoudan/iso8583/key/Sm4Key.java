package io.shoudan.iso8583.key;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;


/**
 * An SM4 (国密, GB/T 32907) 128-bit key, for terminals on the Chinese national algorithms. Uses BouncyCastle's
 * lightweight engine directly (no JCA provider registration, so no global state). Immutable.
 */
public final class Sm4Key implements SymmetricKey {

    private final byte[] key;

    private Sm4Key(byte[] key) {
        if (key.length != 16) {
            throw new IllegalArgumentException("an SM4 key is 16 bytes, was " + key.length);
        }
        this.key = key.clone();
    }

    public static Sm4Key of(byte[] key) {
        return new Sm4Key(key);
    }

    public static Sm4Key ofHex(String hex) {
        return KeyHex.parse(hex, Sm4Key::new);
    }

    @Override
    public int blockSize() {
        return 16;
    }

    @Override
    public int length() {
        return 16;
    }

    @Override
    public void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(key));
        engine.processBlock(in, inOff, out, outOff);
    }

    @Override
    public void decryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        SM4Engine engine = new SM4Engine();
        engine.init(false, new KeyParameter(key));
        engine.processBlock(in, inOff, out, outOff);
    }

    @Override
    public byte[] bytes() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sm4Key k && java.security.MessageDigest.isEqual(key, k.key);
    }

    @Override
    public int hashCode() {
        return checkValue().hashCode();
    }

    @Override
    public String toString() {
        return "Sm4Key[16 bytes, KCV " + checkValue() + "]";
    }
}
