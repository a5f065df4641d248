package io.shoudan.reason;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonTextsTest {

    @ParameterizedTest(name = "{0} has a message and a remedy in Chinese and English")
    @EnumSource(ReasonCode.class)
    void everyCodeHasTextsInBothLanguages(ReasonCode code) {
        for (Text text : List.of(ReasonTexts.messageTemplate(code), ReasonTexts.remedyTemplate(code))) {
            assertThat(text.zh()).isNotBlank().matches(".*\\p{IsHan}.*");
            assertThat(text.en()).isNotBlank().matches(".*[a-z].*");
        }
    }

    @Test
    void placeholdersAreFilledFromTheEvidenceAndLabelled() {
        Reason reason = Reason.of(ReasonCode.TERMINAL_FIRMWARE_TOO_OLD, "method", "HUABEI", "required", "3.2.0", "actual", "3.1.4");

        assertThat(ReasonTexts.message(reason, Lang.ZH)).isEqualTo("终端固件版本为 3.1.4，低于花呗要求的最低版本 3.2.0。");
        assertThat(ReasonTexts.message(reason, Lang.EN)).isEqualTo("The terminal runs firmware 3.1.4, older than the 3.2.0 that Huabei needs.");
    }

    @Test
    void listsAreJoinedAndLabelledPerLanguage() {
        Reason reason = Reason.of(ReasonCode.TERMINAL_HARDWARE_UNSUPPORTED, "method", "UNIONPAY_DEBIT", "model", "Q1",
                "missing", List.of("CHIP", "PINPAD"));

        assertThat(ReasonTexts.message(reason, Lang.ZH)).contains("IC 卡读卡器、密码键盘");
        assertThat(ReasonTexts.message(reason, Lang.EN)).contains("chip reader, PIN pad");
    }

    @Test
    void labelsThatNameEvidenceAreFilledInToo() {
        Reason reason = Reason.of(ReasonCode.POLICY_AMOUNT_OUT_OF_RANGE, "method", "HUABEI", "amount", "0.50",
                "bound", "MIN", "limit", "1.00");

        assertThat(ReasonTexts.message(reason, Lang.EN)).isEqualTo("The amount 0.50 CNY is below the Huabei minimum per payment of 1.00 CNY.");
    }

    @Test
    void theRestrictedIndustryIsNamedWithWhyItIsRestricted() {
        Reason reason = Reason.of(ReasonCode.POLICY_INDUSTRY_RESTRICTED, "method", "HUABEI", "mcc", "5944", "rule", "5944");

        assertThat(ReasonTexts.message(reason, Lang.ZH)).contains("珠宝首饰").contains("套现");
        assertThat(ReasonTexts.message(reason, Lang.EN)).contains("jewellery").contains("cash-out");
    }

    @Test
    void aReasonWithoutTheFactsItsSentenceNeedsIsToldByItsTitleAndTheFactsItHas() {
        Reason reason = Reason.of(ReasonCode.CONSUMER_INSUFFICIENT_FUNDS, "channel", "ALIPAY", "rawCode", "ACQ.BUYER_BALANCE_NOT_ENOUGH");

        assertThat(ReasonTexts.message(reason, Lang.EN))
                .isEqualTo("the customer's balance or credit is too low (channel: Alipay, channel code: ACQ.BUYER_BALANCE_NOT_ENOUGH).");
        assertThat(ReasonTexts.message(reason, Lang.ZH)).isEqualTo("顾客余额或额度不足（通道：支付宝，应答码：ACQ.BUYER_BALANCE_NOT_ENOUGH）。");
        assertThat(ReasonTexts.remedy(reason, Lang.EN)).isEqualTo("The customer should top up or choose another way to pay.");
    }

    @Test
    void aRemedyKeepsOnlyTheSentencesWhoseFactsAreKnown() {
        Reason reason = Reason.of(ReasonCode.MERCHANT_PRODUCT_SUSPENDED, "rawCode", "ACQ.ACCESS_FORBIDDEN");

        assertThat(ReasonTexts.remedy(reason, Lang.ZH)).doesNotContain("{");
        assertThat(ReasonTexts.remedy(reason, Lang.EN)).doesNotContain("{");
    }

    @ParameterizedTest(name = "{0} has a title in both languages")
    @EnumSource(ReasonCode.class)
    void everyCodeHasATitle(ReasonCode code) {
        assertThat(ReasonTexts.title(code, Lang.ZH)).matches(".*\\p{IsHan}.*");
        assertThat(ReasonTexts.title(code, Lang.EN)).matches("[a-z].*");
    }
}
