package io.shoudan.server.terminal8583;

import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonFieldTest {

    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void everyReasonFitsField63AndReadsBackWithItsCodeAndAChineseText(ReasonCode code) {
        byte[] field63 = ReasonField.encode(Reason.of(code, "terminal", "12345678", "amount", "12.34"));

        assertThat(field63.length).isLessThanOrEqualTo(163);
        assertThat(new String(field63, 0, 3, ReasonField.GBK)).isEqualTo("CUP");
        ReasonField.Decoded decoded = ReasonField.decode(field63).orElseThrow();
        assertThat(decoded.code()).isEqualTo(code);
        assertThat(decoded.text()).isNotBlank().doesNotContain("{").matches(".*\\p{IsHan}.*");
    }

    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void aReasonWithoutEvidenceShowsTheRemedyRatherThanPlaceholders(ReasonCode code) {
        ReasonField.Decoded decoded = ReasonField.decode(ReasonField.encode(Reason.of(code))).orElseThrow();

        assertThat(decoded.text()).doesNotContain("{");
    }

    @Property
    void cuttingTextToFitNeverSplitsACharacterNorExceedsTheRoom(@ForAll @StringLength(max = 120) String text,
                                                                 @ForAll @IntRange(min = 0, max = 160) int room) {
        String chinese = "终端签到" + text + "余额不足请更换付款方式";
        byte[] cut = ReasonField.encodeWithin(chinese, room);

        assertThat(cut.length).isLessThanOrEqualTo(room);
        String back = new String(cut, ReasonField.GBK);
        assertThat(back).doesNotContain("\uFFFD");
    }

    @Property
    void aFieldThatIsNotAReasonReadsAsNone(@ForAll @StringLength(min = 0, max = 40) String junk) {
        byte[] field = ("CUP" + junk.replace(' ', '_')).getBytes(ReasonField.GBK);
        boolean isReason = ReasonCode.ofCode(junk.replace(' ', '_')) != null;

        assertThat(ReasonField.decode(field).isPresent()).isEqualTo(isReason);
    }
}
