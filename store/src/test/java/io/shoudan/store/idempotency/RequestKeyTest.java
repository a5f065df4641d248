package io.shoudan.store.idempotency;

import io.shoudan.terminal.TerminalSn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestKeyTest {

    @Test
    void aTerminalKeyAndAnOrderNumberNeverCollide() {
        RequestKey terminal = RequestKey.terminal(new TerminalSn("SN1"), 1, 2);

        assertThat(terminal).isNotEqualTo(RequestKey.outTradeNo("SN1:1:2"));
        assertThat(terminal.value()).isEqualTo("T:SN1:1:2");
    }

    @Test
    void theSameContentGivesTheSameFingerprintAndOtherContentAnother() {
        assertThat(RequestFingerprint.of("sale|ALIPAY|100")).isEqualTo(RequestFingerprint.of("sale|ALIPAY|100"));
        assertThat(RequestFingerprint.of("sale|ALIPAY|100")).isNotEqualTo(RequestFingerprint.of("sale|ALIPAY|101"));
        assertThat(RequestFingerprint.of("").value())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "中文"})
    void aKeyIsPrintableAsciiWithoutSpaces(String text) {
        assertThatThrownBy(() -> new RequestKey(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyIsAtMost128Characters() {
        assertThat(new RequestKey("k".repeat(128)).value()).hasSize(128);
        assertThatThrownBy(() -> new RequestKey("k".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestKey.outTradeNo("o".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestKey.terminal(new TerminalSn("SN1"), -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
