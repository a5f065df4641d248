package io.shoudan.server.serve;

import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.key.KeyScheme;
import io.shoudan.iso8583.mac.MacAlgorithm;
import io.shoudan.store.terminal8583.PosIdentity;
import io.shoudan.terminal.TerminalSn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyInjectionFileTest {

    private static final String TMK_HEX = "CA5D92598DCA48CE8A4C76361A9269E9";
    private static final KeyInjectionFile.Entry ENTRY = new KeyInjectionFile.Entry(new PosIdentity("10000001", "898310000000001"),
            new TerminalSn("SN-0001"), DesKey.ofHex(TMK_HEX), KeyScheme.TDES, MacAlgorithm.UNIONPAY_ECB);

    @Test
    void whatIsWrittenIsReadBackAsTheTerminalsProfileAndAnEarlierFileIsReplaced(@TempDir Path dir) throws IOException {
        Path file = KeyInjectionFile.in(dir);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "left from an earlier seeding\n");

        KeyInjectionFile.write(file, List.of(ENTRY));

        assertThat(KeyInjectionFile.read(file)).singleElement().satisfies(e -> {
            assertThat(e.pos()).isEqualTo(ENTRY.pos());
            assertThat(e.profile().tmk()).isEqualTo(DesKey.ofHex(TMK_HEX));
            assertThat(e.profile().terminalId().value()).isEqualTo("10000001");
        });
        assertThat(KeyInjectionFile.find(file, "10000002")).isEmpty();
        assertThat(ENTRY.toString()).doesNotContainIgnoringCase(TMK_HEX);
    }

    @Test
    void aLineWhoseKeyDoesNotMatchItsCheckValueIsRefusedNamingTheLineButNotTheKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys.txt");
        String alteredKey = "DA5D92598DCA48CE8A4C76361A9269E9"; // one bit off (not a parity bit)
        Files.writeString(file, "# header\n10000001 898310000000001 SN-0001 TDES UNIONPAY_ECB " + alteredKey + " "
                + DesKey.ofHex(TMK_HEX).checkValue() + "\n");

        assertThatThrownBy(() -> KeyInjectionFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ":2: ").hasMessageNotContaining(alteredKey);
    }
}
