package io.shoudan.server.serve;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelsConfigurationTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "sandbox", " sandbox "})
    void theSandboxIsTheDefault(String value) {
        assertThat(ChannelsConfiguration.resolve(Map.of("SHOUDAN_CHANNELS", value), 42)).isEqualTo(new ChannelsConfiguration.Sandbox(42));
        assertThat(ChannelsConfiguration.resolve(Map.of(), 42)).isEqualTo(new ChannelsConfiguration.Sandbox(42));
    }

    @ParameterizedTest
    @ValueSource(strings = {"real", "alipay", "production"})
    void anythingElseIsRefusedInsteadOfSilentlyServedByTheSandbox(String value) {
        assertThatThrownBy(() -> ChannelsConfiguration.resolve(Map.of("SHOUDAN_CHANNELS", value), 42))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only 'sandbox'");
    }
}
