package io.shoudan.iso8583.key;

import io.shoudan.iso8583.encoding.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Published key check value, PIN block and MAC vectors (docs/ISO8583.md, Sources) and the SM4 standard vector. */
class KeyVectorsTest {

    static final DesKey TMK = DesKey.ofHex("CA5D92598DCA48CE8A4C76361A9269E9");
    static final DesKey TPK = DesKey.ofHex("807A23AD32B36D457AE91FDF927570EA");
    static final DesKey TAK = DesKey.ofHex("5BB5C72CD00B7338");

    @ParameterizedTest(name = "KCV of {0} is {1}")
    @CsvSource({
            "807A23AD32B36D457AE91FDF927570EA, 8D0A74B8",
            "5BB5C72CD00B7338,                 AB7153CA",
    })
    void checkValueIsTheFirstFourBytesOfZerosEncryptedUnderTheKey(String key, String kcv) {
        assertThat(DesKey.ofHex(key).checkValue().toString()).isEqualTo(kcv);
    }

    @Test
    void sm4EncryptsTheStandardGbT32907Vector() {
        Sm4Key key = Sm4Key.ofHex("0123456789ABCDEFFEDCBA9876543210");
        byte[] out = key.encryptEcb(Hex.decode("0123456789ABCDEFFEDCBA9876543210"));
        assertThat(Hex.encode(out)).isEqualTo("681EDF34D206965E86B3E94F536E4246");
        assertThat(Hex.encode(key.decryptEcb(out))).isEqualTo("0123456789ABCDEFFEDCBA9876543210");
    }

    @Test
    void signOnField62CarriesTheVectorKeysEncryptedUnderTheTmkWithTheirCheckValues() {
        byte[] f62 = Field62KeyDownload.encode(TMK, new WorkingKeys(KeyScheme.TDES, TPK, TAK));
        assertThat(f62).hasSize(40);
        String hex = Hex.encode(f62);
        assertThat(hex.substring(0, 32)).isEqualTo(Hex.encode(TMK.encryptEcb(TPK.bytes())));
        assertThat(hex.substring(32, 40)).isEqualTo("8D0A74B8");
        assertThat(hex.substring(40, 56)).isEqualTo(Hex.encode(TMK.encryptEcb(TAK.bytes())));
        assertThat(hex.substring(56, 72)).isEqualTo("0000000000000000");
        assertThat(hex.substring(72, 80)).isEqualTo("AB7153CA");
        // The whole image, pinned: a change to the layout must be deliberate.
        assertThat(hex).isEqualTo(EXPECTED_FIELD_62);
    }

    static final String EXPECTED_FIELD_62 =
            "6701EAD6A9AD51E51AA406E2C27FCFA9" + "8D0A74B8" + "B651F9E9BACE9AE1" + "0000000000000000" + "AB7153CA";

    @Test
    void aTerminalInstallsTheDownloadedKeysWhenTheCheckValuesMatch() {
        byte[] f62 = Field62KeyDownload.encode(TMK, new WorkingKeys(KeyScheme.TDES, TPK, TAK));
        var outcome = Field62KeyDownload.decode(TMK, KeyScheme.TDES, f62);
        assertThat(outcome).isInstanceOfSatisfying(Field62KeyDownload.Installed.class, installed -> {
            assertThat(installed.keys().pik()).isEqualTo(TPK);
            assertThat(installed.keys().mak()).isEqualTo(TAK);
        });
    }

    @Test
    void aDownloadUnderAnotherTmkIsRefusedByThePikCheckValue() {
        byte[] f62 = Field62KeyDownload.encode(TMK, new WorkingKeys(KeyScheme.TDES, TPK, TAK));
        DesKey otherTmk = DesKey.ofHex("0123456789ABCDEFFEDCBA9876543210");
        assertThat(Field62KeyDownload.decode(otherTmk, KeyScheme.TDES, f62))
                .isEqualTo(new Field62KeyDownload.Refused(Field62KeyDownload.Reason.PIK_CHECK_VALUE_MISMATCH));
    }

    @Test
    void aCorruptedMakOrFillerIsRefused() {
        byte[] f62 = Field62KeyDownload.encode(TMK, new WorkingKeys(KeyScheme.TDES, TPK, TAK));
        byte[] badMak = f62.clone();
        badMak[20] ^= 0x01;
        assertThat(Field62KeyDownload.decode(TMK, KeyScheme.TDES, badMak))
                .isEqualTo(new Field62KeyDownload.Refused(Field62KeyDownload.Reason.MAK_CHECK_VALUE_MISMATCH));
        byte[] badFiller = f62.clone();
        badFiller[30] = 1;
        assertThat(Field62KeyDownload.decode(TMK, KeyScheme.TDES, badFiller))
                .isEqualTo(new Field62KeyDownload.Refused(Field62KeyDownload.Reason.FILLER_NOT_ZERO));
        assertThat(Field62KeyDownload.decode(TMK, KeyScheme.TDES, java.util.Arrays.copyOf(f62, 24)))
                .isEqualTo(new Field62KeyDownload.Refused(Field62KeyDownload.Reason.WRONG_LENGTH));
    }

    @ParameterizedTest
    @CsvSource({"SINGLE_DES, 24", "TDES, 40", "SM4, 40"})
    void freshKeysOfEverySchemeRoundTripThroughField62(KeyScheme scheme, int bytes) {
        KeyGenerator generator = new KeyGenerator(new SecureRandom());
        SymmetricKey tmk = scheme == KeyScheme.SM4
                ? Sm4Key.ofHex("0123456789ABCDEFFEDCBA9876543210") : TMK;
        WorkingKeys keys = generator.workingKeys(scheme);
        byte[] f62 = Field62KeyDownload.encode(tmk, keys);
        assertThat(f62).hasSize(bytes);
        assertThat(Field62KeyDownload.decode(tmk, scheme, f62)).isEqualTo(new Field62KeyDownload.Installed(keys));
    }

    @Test
    void generatedDesKeysHaveOddParity() {
        WorkingKeys keys = new KeyGenerator(new SecureRandom()).workingKeys(KeyScheme.TDES);
        for (byte b : keys.pik().bytes()) {
            assertThat(Integer.bitCount(b & 0xFF) % 2).isEqualTo(1);
        }
    }

    @Test
    void keysNeverShowTheirBytesWhenPrinted() {
        assertThat(TPK.toString()).isEqualTo("DesKey[16 bytes, KCV 8D0A74B8]").doesNotContain("807A23AD");
        assertThat(new WorkingKeys(KeyScheme.TDES, TPK, TAK).toString())
                .doesNotContain("807A23AD").doesNotContain("5BB5C72C").contains("AB7153CA");
        assertThat(Sm4Key.ofHex("0123456789ABCDEFFEDCBA9876543210").toString()).doesNotContain("0123456789");
    }

    @Test
    void aMalformedKeyIsRefusedWithoutEchoingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DesKey.ofHex("807A23AD32B36D457AE91FDF927570"))
                .hasMessageNotContaining("807A23AD");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DesKey.ofHex("807A23AD32B36D457AE91FDF927570XY"))
                .hasMessage("key is not valid hex");
    }
}
