package io.shoudan.iso8583.mac;

import io.shoudan.iso8583.encoding.Hex;
import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.key.Sm4Key;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MacAlgorithmTest {

    private static final DesKey TAK = DesKey.ofHex("5BB5C72CD00B7338");

    @Test
    void x919MatchesThePublishedAnsiExample() {
        // ANSI X9.19 example: key 0123456789ABCDEF FEDCBA9876543210, data "Now is the time for all ".
        DesKey key = DesKey.ofHex("0123456789ABCDEFFEDCBA9876543210");
        byte[] data = "Now is the time for all ".getBytes(StandardCharsets.US_ASCII);
        assertThat(Hex.encode(MacAlgorithm.X9_19.mac(key, data))).isEqualTo("A1C72E74EA3FA9B6");
    }

    @Test
    void unionPayEcbMacFollowsTheSpecStepByStep() {
        byte[] mab = Hex.decode("0200702406C020C09A11166222021234567890123000000000000001000000012300");
        // 1. zero-pad and XOR all 8-byte blocks.
        byte[] x = new byte[8];
        for (int i = 0; i < mab.length; i++) {
            x[i % 8] ^= mab[i];
        }
        // 2. 16 hex characters; 3. encrypt the first 8; 4. XOR the last 8; 5. encrypt; 6. hex, first 8.
        byte[] hex = Hex.encode(x).getBytes(StandardCharsets.US_ASCII);
        byte[] left = TAK.encryptEcb(java.util.Arrays.copyOf(hex, 8));
        for (int i = 0; i < 8; i++) {
            left[i] ^= hex[8 + i];
        }
        byte[] result = TAK.encryptEcb(left);
        byte[] expected = Hex.encode(result).substring(0, 8).getBytes(StandardCharsets.US_ASCII);
        assertThat(MacAlgorithm.UNIONPAY_ECB.mac(TAK, mab)).isEqualTo(expected);
        assertThat(new String(MacAlgorithm.UNIONPAY_ECB.mac(TAK, mab), StandardCharsets.US_ASCII)).matches("[0-9A-F]{8}");
    }

    @Test
    void singleLengthX919IsCbcDes() {
        byte[] data = Hex.decode("0123456789ABCDEF1122334455");
        byte[] b1 = TAK.encryptEcb(java.util.Arrays.copyOf(data, 8));
        byte[] b2 = new byte[8];
        for (int i = 0; i < 5; i++) {
            b2[i] = (byte) (data[8 + i] ^ b1[i]);
        }
        for (int i = 5; i < 8; i++) {
            b2[i] = b1[i];
        }
        assertThat(MacAlgorithm.X9_19.mac(TAK, data)).isEqualTo(TAK.encryptEcb(b2));
    }

    @Test
    void everyAlgorithmNoticesASingleFlippedBit() {
        byte[] mab = new byte[123];
        for (int i = 0; i < mab.length; i++) {
            mab[i] = (byte) (i * 7);
        }
        Sm4Key sm4 = Sm4Key.ofHex("0123456789ABCDEFFEDCBA9876543210");
        byte[] flipped = mab.clone();
        flipped[77] ^= 0x10;
        assertThat(MacAlgorithm.UNIONPAY_ECB.mac(TAK, flipped)).isNotEqualTo(MacAlgorithm.UNIONPAY_ECB.mac(TAK, mab));
        assertThat(MacAlgorithm.X9_19.mac(KeyPair.DOUBLE, flipped)).isNotEqualTo(MacAlgorithm.X9_19.mac(KeyPair.DOUBLE, mab));
        assertThat(MacAlgorithm.SM4_ECB.mac(sm4, flipped)).isNotEqualTo(MacAlgorithm.SM4_ECB.mac(sm4, mab));
    }

    @Test
    void sm4EcbMacFollowsTheUnionPayStepsWithSixteenByteBlocks() {
        Sm4Key key = Sm4Key.ofHex("0123456789ABCDEFFEDCBA9876543210");
        byte[] mab = Hex.decode("08000020000000C0001600000131323334353637383132333435363738393031323334350011000000010030");
        byte[] x = new byte[16];
        for (int i = 0; i < mab.length; i++) {
            x[i % 16] ^= mab[i];
        }
        byte[] hex = Hex.encode(x).getBytes(StandardCharsets.US_ASCII);
        byte[] e = key.encryptEcb(java.util.Arrays.copyOf(hex, 16));
        for (int i = 0; i < 16; i++) {
            e[i] ^= hex[16 + i];
        }
        byte[] expected = Hex.encode(key.encryptEcb(e)).substring(0, 8).getBytes(StandardCharsets.US_ASCII);
        assertThat(MacAlgorithm.SM4_ECB.mac(key, mab)).isEqualTo(expected);
    }

    private static final class KeyPair {
        static final DesKey DOUBLE = DesKey.ofHex("0123456789ABCDEFFEDCBA9876543210");
    }
}
