package io.shoudan.server.node;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeIdentityTest {

    @Test
    void aNodesBackgroundThreadsAreNamedAfterItAndTheirLogLinesCarryItsName() throws Exception {
        NodeIdentity node = new NodeIdentity("pos-gw-1");
        CompletableFuture<String> inLogs = new CompletableFuture<>();

        Thread thread = node.threads("recovery-sweep").newThread(() -> inLogs.complete(MDC.get(NodeIdentity.LOG_KEY)));
        thread.start();

        assertThat(inLogs.get(5, TimeUnit.SECONDS)).isEqualTo("pos-gw-1");
        assertThat(thread.getName()).isEqualTo("shoudan-recovery-sweep pos-gw-1");
        assertThat(thread.isDaemon()).isTrue();
    }

    @Test
    void aNodesStartUpLogLinesCarryItsNameUntilTheStartIsOver() {
        try (var logs = new NodeIdentity("pos-gw-2").inLogs()) {
            assertThat(MDC.get(NodeIdentity.LOG_KEY)).isEqualTo("pos-gw-2");
        }
        assertThat(MDC.get(NodeIdentity.LOG_KEY)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bad/name", "名字", "a b",
            "12345678901234567890123456789012345678901234567890123456789012345"})   // 65 characters
    void aNameThatIsNotOneToSixtyFourLettersDigitsOrDotUnderscoreColonDashIsRefusedInBothLanguages(String name) {
        assertThatThrownBy(() -> new NodeIdentity(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node: 1-64 letters").hasMessageContaining("节点名");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "pos-gw-1", "host.example:0123456789ab", "N_1",
            "1234567890123456789012345678901234567890123456789012345678901234"})     // 64 characters
    void aNameOfOneToSixtyFourAllowedCharactersIsANodesName(String name) {
        assertThat(new NodeIdentity(name).name()).isEqualTo(name);
    }
}
