package io.shoudan.iso8583.key;

/**
 * A clear working or master key held in memory. Implementations never show key bytes in {@code toString()},
 * exception messages or logs: only the algorithm, the length and the check value.
 */
public sealed interface SymmetricKey permits DesKey, Sm4Key {

    /** Cipher block size in bytes: 8 for DES/3DES, 16 for SM4. */
    int blockSize();

    /** Key length in bytes. */
    int length();

    /** Encrypts one block from {@code in[inOff..]} into {@code out[outOff..]} (ECB, no padding). */
    void encryptBlock(byte[] in, int inOff, byte[] out, int outOff);

    /** Decrypts one block. */
    void decryptBlock(byte[] in, int inOff, byte[] out, int outOff);

    /** The key check value: the first 4 bytes of a block of zeros encrypted under the key. */
    default KeyCheckValue checkValue() {
        byte[] zeros = new byte[blockSize()];
        byte[] out = new byte[blockSize()];
        encryptBlock(zeros, 0, out, 0);
        return new KeyCheckValue(java.util.Arrays.copyOf(out, 4));
    }

    /** ECB-encrypts whole blocks (length a multiple of the block size). */
    default byte[] encryptEcb(byte[] data) {
        requireBlocks(data.length);
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i += blockSize()) {
            encryptBlock(data, i, out, i);
        }
        return out;
    }

    /** ECB-decrypts whole blocks. */
    default byte[] decryptEcb(byte[] data) {
        requireBlocks(data.length);
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i += blockSize()) {
            decryptBlock(data, i, out, i);
        }
        return out;
    }

    /** A copy of the clear key bytes, for wrapping under another key or sealing at rest. Wipe it after use. */
    byte[] bytes();

    private void requireBlocks(int length) {
        if (length == 0 || length % blockSize() != 0) {
            throw new IllegalArgumentException("data must be whole " + blockSize() + "-byte blocks, was " + length + " bytes");
        }
    }
}
