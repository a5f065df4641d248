package io.shoudan.server.serve;

import io.shoudan.iso8583.key.KeyCheckValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeySourceTest {

    private static final String KEY_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final String OTHER_HEX = "1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100";

    @Test
    void theEnvironmentVariableWinsOverTheDataFolderAndNoFileIsWritten(@TempDir Path dir) {
        MasterKeySource.Resolved key = MasterKeySource.resolve(Map.of("SHOUDAN_MASTER_KEY", KEY_HEX), Optional.empty(), dir, new SecureRandom());

        assertThat(key.key()).isEqualTo(HexFormat.of().parseHex(KEY_HEX));
        assertThat(key.origin()).isEqualTo("environment SHOUDAN_MASTER_KEY");
        assertThat(key.setting()).isEqualTo("SHOUDAN_MASTER_KEY");
        assertThat(Files.exists(dir.resolve("keys"))).isFalse();
    }

    @Test
    void theKeyFileOptionWinsOverTheEnvironmentVariable(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("cluster.key"), OTHER_HEX.toUpperCase() + "\n");

        MasterKeySource.Resolved key = MasterKeySource.resolve(Map.of("SHOUDAN_MASTER_KEY", KEY_HEX), Optional.of(file), dir, new SecureRandom());

        assertThat(key.key()).isEqualTo(HexFormat.of().parseHex(OTHER_HEX));
        assertThat(key.setting()).isEqualTo("--master-key-file " + file);
        assertThat(key.origin()).contains(file.toAbsolutePath().toString()).contains("--master-key-file");
    }

    @Test
    void withoutConfigurationAKeyIsGeneratedOnceOwnerOnlyAndReadBackOnTheNextStart(@TempDir Path dir) throws IOException {
        assertThat(MasterKeySource.configured(Map.of(), Optional.empty(), dir)).isEmpty();

        MasterKeySource.Resolved first = MasterKeySource.resolve(Map.of(), Optional.empty(), dir, new SecureRandom());
        MasterKeySource.Resolved second = MasterKeySource.resolve(Map.of(), Optional.empty(), dir, new SecureRandom());

        assertThat(first.origin()).startsWith("generated");
        assertThat(second.origin()).startsWith("file");
        assertThat(second.key()).hasSize(32).isEqualTo(first.key());
        assertThat(first.toString()).doesNotContain(HexFormat.of().formatHex(first.key()));
        Path file = dir.resolve("keys/master.key");
        assertThat(second.setting()).isEqualTo(file.toAbsolutePath().toString());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e", // 31 bytes
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", // 33 bytes
            "zz0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"})
    void aMasterKeyThatIsNot32BytesOfHexIsRefusedNamingTheSettingButNotTheValue(String configured, @TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> MasterKeySource.resolve(Map.of("SHOUDAN_MASTER_KEY", configured), Optional.empty(), dir, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("SHOUDAN_MASTER_KEY: ")
                .hasMessageContaining("64 hex digits").hasMessageContaining("主密钥").hasMessageNotContaining(configured);
        Path file = Files.writeString(dir.resolve("bad.key"), configured);
        String prefix = "--master-key-file " + file + ": ";
        assertThatThrownBy(() -> MasterKeySource.resolve(Map.of(), Optional.of(file), dir, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(prefix)
                .satisfies(e -> assertThat(e.getMessage().substring(prefix.length())).doesNotContain(configured));
    }

    @Test
    void aKeyFileThatCannotBeReadIsRefusedNamingTheOptionAndThePath(@TempDir Path dir) {
        Path missing = dir.resolve("no-such.key");

        assertThatThrownBy(() -> MasterKeySource.configured(Map.of(), Optional.of(missing), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--master-key-file " + missing + ": cannot read the master key file (NoSuchFileException) / 无法读取主密钥文件");
    }

    @Test
    void theRefusalIsOneLineNamingTheSettingAndBothCheckValuesInEnglishAndChinese() {
        MasterKeySource.Resolved given = new MasterKeySource.Resolved(HexFormat.of().parseHex(KEY_HEX), "environment SHOUDAN_MASTER_KEY",
                "SHOUDAN_MASTER_KEY");

        String line = MasterKeySource.doesNotOpenTheStore(given, KeyCheckValue.ofHex("11223344"), Optional.of(KeyCheckValue.ofHex("AABBCCDD")));

        assertThat(line).startsWith("SHOUDAN_MASTER_KEY: ").doesNotContain("\n").contains("KCV 11223344").contains("KCV AABBCCDD")
                .contains("--master-key-file").contains("同一主密钥").doesNotContainIgnoringCase(KEY_HEX);
        assertThat(MasterKeySource.doesNotOpenTheStore(given, KeyCheckValue.ofHex("11223344"), Optional.empty()))
                .contains("sealed under another key").contains("另一主密钥");
        assertThat(MasterKeySource.noneGivenForASealedStore(KeyCheckValue.ofHex("AABBCCDD")))
                .startsWith("--master-key-file or SHOUDAN_MASTER_KEY: no master key given").contains("AABBCCDD").contains("未配置主密钥")
                .doesNotContain("\n");
    }
}
