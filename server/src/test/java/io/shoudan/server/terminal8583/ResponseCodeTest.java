package io.shoudan.server.terminal8583;

import io.shoudan.reason.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The field 39 table of docs/ISO8583.md. */
class ResponseCodeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "CONSUMER_INSUFFICIENT_FUNDS, 51",
            "CONSUMER_ACCOUNT_FROZEN, 62",
            "CONSUMER_PAYMENT_CODE_INVALID, 14",
            "CONSUMER_RISK_REJECTED, 59",
            "CONSUMER_HUABEI_UNAVAILABLE, 57",
            "POLICY_INSTALLMENT_NOT_ALLOWED, 57",
            "TERMINAL_METHOD_NOT_CONFIGURED, 58",
            "POLICY_INDUSTRY_RESTRICTED, 58",
            "MERCHANT_PRODUCT_NOT_SIGNED, 58",
            "MERCHANT_LIMIT_EXCEEDED, 61",
            "POLICY_REGULATORY_LIMIT, 61",
            "MAINTENANCE_CHANNEL_UNAVAILABLE, 91",
            "INTEGRATION_CHANNEL_NOT_CONNECTED, 91",
            "NETWORK_TERMINAL_OFFLINE, 96",
            "NETWORK_CHANNEL_TIMEOUT, 98",
            "OPERATION_DUPLICATE_REQUEST, 94",
            "OPERATION_WRONG_TRANSACTION_TYPE, 12",
            "OPERATION_ORIGINAL_NOT_FOUND, 25",
            "OPERATION_NOT_VOIDABLE, 12",
            "OPERATION_VOID_AFTER_SETTLEMENT, 12",
            "OPERATION_VOID_AFTER_PAYMENT_DAY, 12",
            "OPERATION_NOT_REFUNDABLE, 12",
            "OPERATION_REFUND_ABOVE_REMAINING, 12",
            "OPERATION_ADJUSTMENT_NOT_REVERSIBLE, 12",
            "OPERATION_SALE_NOT_REVERSIBLE, 12",
            "OPERATION_INVALID_AMOUNT, 13",
            "POLICY_AMOUNT_OUT_OF_RANGE, 13",
            "SECURITY_MAC_INVALID, A0",
            "SECURITY_KEY_EXPIRED, 77",
            "TERMINAL_NOT_SIGNED_ON, 77",
            "TERMINAL_UNBOUND, 03",
            "MERCHANT_SUSPENDED, 03",
            "INTEGRATION_METHOD_NOT_OFFERED, 40",
    })
    void eachReasonHasTheDocumentedResponseCode(ReasonCode reason, String field39) {
        assertThat(ResponseCode.of(reason)).isEqualTo(field39);
    }

    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void noReasonIsAnsweredAsApprovedAndEveryCodeFitsField39(ReasonCode reason) {
        assertThat(ResponseCode.of(reason)).hasSize(2).isNotEqualTo(ResponseCode.APPROVED).matches("[0-9A-Z]{2}");
    }

    @Test
    void onlyTheMacFailureIsAnsweredA0() {
        for (ReasonCode reason : ReasonCode.values()) {
            assertThat(ResponseCode.of(reason).equals("A0")).as(reason.code()).isEqualTo(reason == ReasonCode.SECURITY_MAC_INVALID);
        }
    }
}
