package io.shoudan.server.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeySourceTest {

    private static final String KEY_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    @Test
    void theEnvironmentVariableWinsAndNoFileIsWritten(@TempDir Path dir) {
        MasterKeySource.Resolved key = MasterKeySource.resolve(Map.of("SHOUDAN_MASTER_KEY", KEY_HEX), dir, new SecureRandom());

        assertThat(key.key()).isEqualTo(HexFormat.of().parseHex(KEY_HEX));
        assertThat(key.origin()).isEqualTo("environment SHOUDAN_MASTER_KEY");
        assertThat(Files.exists(dir.resolve("keys"))).isFalse();
    }

    @Test
    void withoutConfigurationAKeyIsGeneratedOnceAndReadBackOnTheNextStart(@TempDir Path dir) {
        MasterKeySource.Resolved first = MasterKeySource.resolve(Map.of(), dir, new SecureRandom());
        MasterKeySource.Resolved second = MasterKeySource.resolve(Map.of(), dir, new SecureRandom());

        assertThat(first.origin()).startsWith("generated");
        assertThat(second.origin()).startsWith("file");
        assertThat(second.key()).hasSize(32).isEqualTo(first.key());
        assertThat(first.toString()).doesNotContain(HexFormat.of().formatHex(first.key()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e", // 31 bytes
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", // 33 bytes
            "zz0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"})
    void aMasterKeyThatIsNot32BytesOfHexIsRefused(String configured, @TempDir Path dir) {
        assertThatThrownBy(() -> MasterKeySource.resolve(Map.of("SHOUDAN_MASTER_KEY", configured), dir, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHOUDAN_MASTER_KEY")
                .hasMessageNotContaining(configured);
    }
}
