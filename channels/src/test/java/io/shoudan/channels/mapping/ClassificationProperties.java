package io.shoudan.channels.mapping;

import io.shoudan.payment.PendingCause;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a channel sends, classification answers (never throws) and never turns a system-class code into a refusal. */
class ClassificationProperties {

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200), Arbitraries.just(null),
                Arbitraries.strings().withCharRange('A', 'Z').withChars('_', '.').ofMinLength(1).ofMaxLength(40));
    }

    @Property
    void alipayAlwaysClassifies(@ForAll("anything") String code, @ForAll("anything") String subCode) {
        Classified classified = AlipayCodes.classify(code, subCode, false);
        assertThat(classified.raw().value()).isNotEmpty().hasSizeLessThanOrEqualTo(128);
    }

    @Property
    void alipaySystemClassCodesAreNeverRefusals(@ForAll("anything") String suffix) {
        assertThat(AlipayCodes.classify("20000", suffix, false).meaning()).isInstanceOf(CodeMeaning.Unknown.class);
        assertThat(AlipayCodes.classify("40004", "isp." + (suffix == null ? "" : suffix), false).meaning())
                .isInstanceOf(CodeMeaning.Unknown.class);
        assertThat(AlipayCodes.classify("10003", suffix, false).meaning()).isEqualTo(new CodeMeaning.Unknown(PendingCause.CONSUMER_CONFIRMING));
    }

    @Property
    void wechatAlwaysClassifiesAndAFailedCallIsNeverARefusal(@ForAll("anything") String returnCode, @ForAll("anything") String resultCode,
                                                             @ForAll("anything") String errCode) {
        Classified classified = WechatCodes.classify(returnCode, resultCode, errCode);
        if (!"SUCCESS".equals(returnCode)) {
            assertThat(classified.meaning()).isInstanceOf(CodeMeaning.Unknown.class);
        }
        assertThat(classified.raw().value()).hasSizeLessThanOrEqualTo(128);
    }

    @Property
    void field39AlwaysClassifiesAndOnlyTableCodesAreUnknown(@ForAll("anything") String field39) {
        Classified classified = Field39Codes.classify(field39);
        if (classified.meaning() instanceof CodeMeaning.Unknown) {
            assertThat(field39 == null || field39.isBlank() || Field39Codes.CODES.find(field39).isPresent()).isTrue();
        }
        assertThat(classified.mapped()).isEqualTo(Field39Codes.CODES.find(field39).isPresent());
    }
}
