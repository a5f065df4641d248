package io.shoudan.server.terminal8583;

import io.shoudan.reason.ReasonCode;

/**
 * Field 39 应答码 from Shoudan's reason codes: the table in {@code docs/ISO8583.md} ("Field 39 and the reason").
 * The switch is exhaustive, so a reason added to the catalogue does not compile until it has a field 39 here.
 */
public final class ResponseCode {
    public static final String APPROVED = "00";
    /** 96 system malfunction: an internal error with no catalogue reason. */
    public static final String SYSTEM_MALFUNCTION = "96";
    /** 95 reconciliation error (settlement totals differ). */
    public static final String RECONCILE_ERROR = "95";
    /** 30 format error: a message that decodes but lacks a mandatory field. */
    public static final String FORMAT_ERROR = "30";
    /** 40 requested function not supported. */
    public static final String NOT_SUPPORTED = "40";

    private ResponseCode() {
    }

    public static String of(ReasonCode reason) {
        return switch (reason) {
            case INTEGRATION_METHOD_NOT_OFFERED, INTEGRATION_PROTOCOL_TOO_OLD -> "40";
            case INTEGRATION_CHANNEL_NOT_CONNECTED -> "91";
            case INTEGRATION_REQUEST_REJECTED -> "30";
            case INTEGRATION_UNMAPPED_REFUSAL, CONSUMER_ISSUER_DECLINED -> "05";
            case CONSUMER_PIN_INVALID -> "55";
            case CONSUMER_LIMIT_EXCEEDED -> "61";
            case CONSUMER_NOT_CERTIFIED, CONSUMER_INSTRUMENT_NOT_ACCEPTED -> "57";
            case OPERATION_TRADE_CLOSED, OPERATION_NOT_VOIDABLE, OPERATION_VOID_AFTER_SETTLEMENT, OPERATION_VOID_AFTER_PAYMENT_DAY,
                 OPERATION_NOT_REFUNDABLE, OPERATION_REFUND_ABOVE_REMAINING, OPERATION_ADJUSTMENT_NOT_REVERSIBLE,
                 OPERATION_SALE_NOT_REVERSIBLE -> "12";
            case OPERATION_ORIGINAL_NOT_FOUND -> "25";
            case MAINTENANCE_CHANNEL_WINDOW, MAINTENANCE_PLATFORM_WINDOW, MAINTENANCE_CHANNEL_UNAVAILABLE,
                 MAINTENANCE_CHANNEL_DEGRADED -> "91";
            case TERMINAL_UNBOUND, MERCHANT_NOT_APPROVED, MERCHANT_SUSPENDED -> "03";
            case TERMINAL_NOT_SIGNED_ON, SECURITY_KEY_EXPIRED -> "77";
            case TERMINAL_NOT_ACTIVATED, TERMINAL_LOCKED, TERMINAL_UPDATING, TERMINAL_RELOCATED, TERMINAL_FIRMWARE_TOO_OLD,
                 TERMINAL_PARAMETERS_OUTDATED, TERMINAL_HARDWARE_UNSUPPORTED, TERMINAL_HARDWARE_FAULT,
                 TERMINAL_MODEL_NOT_CERTIFIED, TERMINAL_METHOD_NOT_CONFIGURED -> "58";
            case MERCHANT_TYPE_NOT_ELIGIBLE, MERCHANT_PRODUCT_NOT_SIGNED, MERCHANT_PRODUCT_UNDER_REVIEW,
                 MERCHANT_PRODUCT_REJECTED, MERCHANT_PRODUCT_SUSPENDED, MERCHANT_CONSENT_MISSING,
                 MERCHANT_PRODUCT_STATUS_DRIFT, MERCHANT_CREDIT_RATING_TOO_LOW, MERCHANT_METHOD_DISABLED_BY_MERCHANT -> "58";
            case MERCHANT_LIMIT_EXCEEDED, POLICY_REGULATORY_LIMIT -> "61";
            case POLICY_INDUSTRY_RESTRICTED, POLICY_REGION_RESTRICTED -> "58";
            case POLICY_AMOUNT_OUT_OF_RANGE, OPERATION_INVALID_AMOUNT -> "13";
            case POLICY_INSTALLMENT_NOT_ALLOWED, CONSUMER_HUABEI_UNAVAILABLE -> "57";
            case CONSUMER_ACCOUNT_FROZEN -> "62";
            case CONSUMER_INSUFFICIENT_FUNDS -> "51";
            case CONSUMER_PAYMENT_CODE_INVALID, OPERATION_UNRECOGNIZED_CODE -> "14";
            case CONSUMER_CONFIRMATION_REQUIRED, NETWORK_CHANNEL_TIMEOUT -> "98";
            case CONSUMER_RISK_REJECTED -> "59";
            case OPERATION_CODE_METHOD_MISMATCH, OPERATION_WRONG_TRANSACTION_TYPE -> "12";
            case OPERATION_DUPLICATE_REQUEST, SECURITY_REPLAY_DETECTED -> "94";
            case NETWORK_TERMINAL_OFFLINE -> "96";
            case SECURITY_MAC_INVALID -> "A0";
            case SECURITY_SIGNATURE_INVALID, SECURITY_CERTIFICATE_EXPIRED -> "63";
        };
    }
}
