package io.shoudan.iso8583.mac;

import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.key.Sm4Key;
import io.shoudan.iso8583.key.SymmetricKey;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The MACs a POS terminal puts in field 64, computed over the MAC block (MAB): the message from the MTI up to
 * the end of field 63. Each gives 8 bytes.
 */
public enum MacAlgorithm {

    /**
     * The UnionPay POS "ECB" MAC: zero-pad the MAB to 8-byte blocks and XOR them all; expand the 8 result bytes
     * to 16 upper-case hex characters; encrypt the first 8 characters with the MAK, XOR with the last 8,
     * encrypt again; expand to hex and take the first 8 characters (as ASCII bytes). DES for a single-length
     * MAK, 3DES for a double-length one.
     */
    UNIONPAY_ECB {
        @Override
        byte[] compute(SymmetricKey key, byte[] data, int off, int len) {
            return ecbStyle(requireDes(key), data, off, len);
        }
    },

    /**
     * ANSI X9.19 (ISO 9797-1 algorithm 3, "retail MAC"): zero-pad, CBC-DES with the left key half over every
     * block, then decrypt the last result with the right half and encrypt with the left. With a single-length
     * key it reduces to X9.9 CBC-DES.
     */
    X9_19 {
        @Override
        byte[] compute(SymmetricKey key, byte[] data, int off, int len) {
            DesKey k = requireDes(key);
            DesKey left = k.left();
            byte[] chain = cbcMac(left, data, off, len);
            if (!k.singleLength()) {
                DesKey right = k.right();
                right.decryptBlock(chain, 0, chain, 0);
                left.encryptBlock(chain, 0, chain, 0);
            }
            return chain;
        }
    },

    /**
     * The SM4 (国密) variant of the UnionPay ECB MAC: the same steps with 16-byte blocks (XOR, 32 hex
     * characters, encrypt the first 16, XOR the last 16, encrypt, expand to hex); field 64 takes the first 8
     * hex characters as ASCII bytes.
     */
    SM4_ECB {
        @Override
        byte[] compute(SymmetricKey key, byte[] data, int off, int len) {
            if (!(key instanceof Sm4Key)) {
                throw new IllegalArgumentException("SM4 MAC needs an SM4 key");
            }
            return ecbStyle(key, data, off, len);
        }
    };

    /** The 8-byte MAC of {@code data[off, off + len)} under {@code key}. */
    abstract byte[] compute(SymmetricKey key, byte[] data, int off, int len);

    /** Public entry: the MAC of a whole MAB. */
    public byte[] mac(SymmetricKey key, byte[] data, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        return compute(key, data, off, len);
    }

    public byte[] mac(SymmetricKey key, byte[] mab) {
        return mac(key, mab, 0, mab.length);
    }

    private static DesKey requireDes(SymmetricKey key) {
        if (!(key instanceof DesKey d)) {
            throw new IllegalArgumentException("DES MAC needs a DES/3DES key");
        }
        return d;
    }

    private static byte[] ecbStyle(SymmetricKey key, byte[] data, int off, int len) {
        int bs = key.blockSize();
        byte[] x = new byte[bs];
        for (int i = 0; i < len; i++) {
            x[i % bs] ^= data[off + i];
        }
        byte[] hex = upperHex(x);
        byte[] e = new byte[bs];
        key.encryptBlock(hex, 0, e, 0);
        for (int i = 0; i < bs; i++) {
            e[i] ^= hex[bs + i];
        }
        key.encryptBlock(e, 0, e, 0);
        return Arrays.copyOf(upperHex(e), 8);
    }

    private static byte[] cbcMac(DesKey key, byte[] data, int off, int len) {
        byte[] chain = new byte[8];
        int blocks = Math.max(1, (len + 7) / 8);
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < 8; i++) {
                int idx = b * 8 + i;
                if (idx < len) {
                    chain[i] ^= data[off + idx];
                }
            }
            key.encryptBlock(chain, 0, chain, 0);
        }
        return chain;
    }

    private static byte[] upperHex(byte[] b) {
        return io.shoudan.iso8583.encoding.Hex.encode(b).getBytes(StandardCharsets.US_ASCII);
    }
}
