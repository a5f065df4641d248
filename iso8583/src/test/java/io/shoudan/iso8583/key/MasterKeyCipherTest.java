package io.shoudan.iso8583.key;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyCipherTest {

    private final byte[] master = new byte[32];
    private final MasterKeyCipher cipher;

    MasterKeyCipherTest() {
        new SecureRandom().nextBytes(master);
        cipher = new MasterKeyCipher(master, new SecureRandom());
    }

    @Test
    void aSealedKeyOpensUnderTheSameIdentity() {
        byte[] blob = cipher.seal(KeyVectorsTest.TMK, "terminal:TERM0001:TMK");
        assertThat(cipher.open(blob, "terminal:TERM0001:TMK")).isEqualTo(KeyVectorsTest.TMK);
        Sm4Key sm4 = Sm4Key.ofHex("0123456789ABCDEFFEDCBA9876543210");
        assertThat(cipher.open(cipher.seal(sm4, "t:SM4"), "t:SM4")).isEqualTo(sm4);
    }

    @Test
    void theSealedBlobDoesNotContainTheClearKeyAndDiffersEachTime() {
        byte[] a = cipher.seal(KeyVectorsTest.TMK, "k");
        byte[] b = cipher.seal(KeyVectorsTest.TMK, "k");
        assertThat(a).isNotEqualTo(b);
        assertThat(io.shoudan.iso8583.encoding.Hex.encode(a)).doesNotContain("CA5D92598DCA48CE");
    }

    @Test
    void aBlobMovedToAnotherIdentityOrAlteredOrUnderAnotherMasterKeyDoesNotOpen() {
        byte[] blob = cipher.seal(KeyVectorsTest.TMK, "terminal:TERM0001:TMK");
        assertThatThrownBy(() -> cipher.open(blob, "terminal:TERM0002:TMK")).isInstanceOf(KeyIntegrityException.class);
        byte[] altered = blob.clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.open(altered, "terminal:TERM0001:TMK")).isInstanceOf(KeyIntegrityException.class);
        MasterKeyCipher other = new MasterKeyCipher(new byte[32], new SecureRandom());
        assertThatThrownBy(() -> other.open(blob, "terminal:TERM0001:TMK")).isInstanceOf(KeyIntegrityException.class);
        assertThatThrownBy(() -> cipher.open(new byte[5], "x")).isInstanceOf(KeyIntegrityException.class);
    }

    @Test
    void theCheckValueIsTheStartOfAZeroBlockUnderTheMasterKeyAndDiffersForAnotherKey() {
        // FIPS-197 style vector: AES-256, key of zeros, block of zeros -> DC95C078A2408989AD48A21492842087
        MasterKeyCipher zeros = new MasterKeyCipher(new byte[32], new SecureRandom());

        assertThat(zeros.checkValue()).hasToString("DC95C078");
        assertThat(zeros.toString()).contains("DC95C078");
        assertThat(cipher.checkValue()).isNotEqualTo(zeros.checkValue());
    }

    @Test
    void theMasterKeyMustBeAes256() {
        assertThatThrownBy(() -> new MasterKeyCipher(new byte[16], new SecureRandom()))
                .hasMessageContaining("32 bytes");
    }
}
