package io.shoudan.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scanned payment code is a bearer credential while valid: what is kept of it once stored, and what that still allows. */
class ScannedCodeTest {

    private static final String CODE = "284012345678901234";
    /** {@code printf 284012345678901234 | sha256sum} */
    private static final String SHA_256 = "5de371479252ee2dfdc54488da9c34fef90a6d4bf29a44aef5a27a26d8e78a7c";

    @Test
    void itsFingerprintIsTheSha256OfTheCodeInLowerCaseHex() {
        Instrument.ScannedCode scanned = new Instrument.ScannedCode(CODE);

        assertThat(scanned.fingerprint()).isEqualTo(SHA_256);
        assertThat(scanned.masked()).isEqualTo("2840**********1234");
        assertThat(scanned.spent()).isFalse();
        assertThat(scanned.code()).isEqualTo(CODE);
    }

    @Test
    void theFormTheStoreKeepsEqualsTheCodeItCameFromSoARetryIsRecognised() {
        Instrument.ScannedCode stored = Instrument.ScannedCode.spent(SHA_256, "2840**********1234");

        assertThat(stored).isEqualTo(new Instrument.ScannedCode(CODE)).hasSameHashCodeAs(new Instrument.ScannedCode(CODE));
        assertThat(stored).isNotEqualTo(new Instrument.ScannedCode("284012345678901235"));
        assertThat(stored.spent()).isTrue();
    }

    @Test
    void aStoredCodeCannotBePresentedAgainAndNeitherFormPrintsTheCode() {
        Instrument.ScannedCode stored = Instrument.ScannedCode.spent(SHA_256, "2840**********1234");

        assertThatThrownBy(stored::code).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2840**********1234").hasMessageNotContaining(CODE);
        assertThat(stored.toString()).isEqualTo("ScannedCode[2840**********1234]");
        assertThat(new Instrument.ScannedCode(CODE).toString()).doesNotContain(CODE).doesNotContain(SHA_256);
    }

    @Test
    void aFingerprintThatIsNotSha256HexIsRefused() {
        assertThatThrownBy(() -> Instrument.ScannedCode.spent(CODE, "2840**********1234"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fingerprint");
        assertThatThrownBy(() -> Instrument.ScannedCode.spent(SHA_256.toUpperCase(), "2840**********1234"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Instrument.ScannedCode.spent(SHA_256, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("masked");
    }
}
