package io.shoudan.channels.mapping;

import io.shoudan.reason.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tables cover the codes the channels document (docs/CHANNELS.md), and stay sane as data. */
class CodeTablesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ACQ.SYSTEM_ERROR", "ACQ.PAYMENT_AUTH_CODE_INVALID", "ACQ.BUYER_BALANCE_NOT_ENOUGH",
            "ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH", "ACQ.BUYER_ENABLE_STATUS_FORBID", "ACQ.TRADE_HAS_SUCCESS", "ACQ.TRADE_HAS_CLOSE",
            "ACQ.PAYMENT_FAIL", "ACQ.SELLER_BEEN_BLOCKED", "ACQ.PRODUCT_AMOUNT_LIMIT_ERROR", "ACQ.BEYOND_PAY_RESTRICTION",
            "ACQ.BEYOND_PER_RECEIPT_RESTRICTION", "ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR", "ACQ.PAYMENT_REQUEST_HAS_RISK",
            "ACQ.NO_PAYMENT_INSTRUMENTS_AVAILABLE", "ACQ.TOTAL_FEE_EXCEED", "ACQ.CONTEXT_INCONSISTENT", "ACQ.ACCESS_FORBIDDEN",
            "ACQ.ERROR_BUYER_CERTIFY_LEVEL_LIMIT"})
    void everyAlipaySubCodeOfTheReferenceHasARow(String subCode) {
        assertThat(AlipayCodes.SUB_CODES.find(subCode)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"USERPAYING", "SYSTEMERROR", "BANKERROR", "AUTHCODEEXPIRE", "NOTENOUGH", "NOTSUPORTCARD", "ORDERPAID",
            "ORDERCLOSED", "ORDERREVERSED", "AUTH_CODE_ERROR", "AUTH_CODE_INVALID", "TRADE_ERROR", "BUYER_MISMATCH", "REVERSE_EXPIRE"})
    void everyWechatErrCodeOfTheReferenceHasARow(String errCode) {
        assertThat(WechatCodes.ERR_CODES.find(errCode)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "05", "12", "13", "14", "30", "40", "51", "54", "55", "57", "58", "61", "65", "91", "94", "96"})
    void everyField39CodeAskedForHasARow(String field39) {
        assertThat(Field39Codes.CODES.find(field39)).isPresent();
    }

    @Test
    void theSystemClassCodesArePendingEverywhere() {
        for (String code : List.of("ACQ.SYSTEM_ERROR", "isp.unknow-error")) {
            assertThat(AlipayCodes.SUB_CODES.find(code).orElseThrow().meaning(false)).isInstanceOf(CodeMeaning.Unknown.class);
        }
        for (String code : List.of("USERPAYING", "SYSTEMERROR", "BANKERROR")) {
            assertThat(WechatCodes.ERR_CODES.find(code).orElseThrow().meaning(false)).isInstanceOf(CodeMeaning.Unknown.class);
        }
        for (String code : List.of("09", "68", "96", "98")) {
            assertThat(Field39Codes.CODES.find(code).orElseThrow().meaning(false)).isInstanceOf(CodeMeaning.Unknown.class);
        }
    }

    @Test
    void everyRowSaysWhatTheChannelMeansInChineseAndEnglish() {
        for (CodeTable table : List.of(AlipayCodes.SUB_CODES, WechatCodes.ERR_CODES, Field39Codes.CODES)) {
            for (CodeRow row : table.rows()) {
                assertThat(row.textZh()).as(row.rawCode()).isNotBlank().matches(".*[\\u4e00-\\u9fff].*");
                assertThat(row.textEn()).as(row.rawCode()).isNotBlank();
            }
        }
    }

    @Test
    void aTableRefusesTheSameCodeTwice() {
        CodeRow row = new CodeRow("X", "某", "x", new CodeMeaning.Approved());
        assertThatThrownBy(() -> new CodeTable(io.shoudan.method.Channel.ALIPAY, "sub_code", List.of(row, row)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
