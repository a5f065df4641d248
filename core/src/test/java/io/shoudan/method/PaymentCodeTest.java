package io.shoudan.method;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentCodeTest {

    @ParameterizedTest(name = "{0} was issued by {1}")
    @CsvSource({
            "2860123456789012, ALIPAY",
            "286012345678901234, ALIPAY",
            "250000000000000000, ALIPAY",
            "300000000000000000, ALIPAY",
            "286012345678901234567890, ALIPAY",
            "134567890123456789, WECHAT",
            "100000000000000000, WECHAT",
            "150000000000000000, WECHAT",
            "6212345678901234567, UNIONPAY",
            "240000000000000000, NONE",
            "310000000000000000, NONE",
            "160000000000000000, NONE",
            "1345678901234567890, NONE",
            "621234567890123456, NONE",
            "286012345678901, NONE",
            "2860123456789012345678901, NONE",
            "28601234567890123a, NONE"})
    void theIssuerIsRecognisedFromLengthAndPrefix(String code, String issuer) {
        assertThat(PaymentCode.issuer(code).map(Enum::name).orElse("NONE")).isEqualTo(issuer);
    }

    @org.junit.jupiter.api.Test
    void maskedCodesShowOnlyTheFirstAndLastFourDigits() {
        assertThat(PaymentCode.masked("286012345678901234")).isEqualTo("2860**********1234");
    }
}
