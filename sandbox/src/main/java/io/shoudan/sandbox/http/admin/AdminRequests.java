package io.shoudan.sandbox.http.admin;

import java.util.List;

/**
 * The JSON bodies the admin API accepts (camelCase names, amounts as yuan strings {@code "12.34"},
 * durations in milliseconds). Absent optional fields take the defaults of docs/SANDBOX.md.
 */
final class AdminRequests {

    private AdminRequests() {
    }

    /** POST /admin/consumers. Sources in the order the consumer's apps prefer them. */
    record ConsumerSpec(String id, String logonId, String status, Boolean realNameCertified, LimitsSpec limits,
                        PasswordSpec password, List<SourceSpec> sources) {
    }

    record LimitsSpec(String singlePaymentLimit, String dailyLimit) {
    }

    /** {@code confirmsAfterMs} absent: the buyer never confirms (the trade closes after the window). */
    record PasswordSpec(String thresholdAbove, Long confirmsAfterMs) {
    }

    /**
     * {@code type}: alipayBalance, yuebao, huabei (creditLimit, available, status), wechatBalance,
     * lingqiantong, card (id, kind DEBIT|CREDIT, pan, pin, available, status, posOnly).
     */
    record SourceSpec(String type, String id, String available, String creditLimit, String status, String kind,
                      String pan, String pin, Boolean posOnly) {
    }

    /** PUT /admin/consumers/{id}/sources/{sourceId}: a top-up or a status change. */
    record SourceUpdate(String available, String status) {
    }

    record StatusSpec(String status) {
    }

    record CodeSpec(String channel) {
    }

    /** POST /admin/merchants and PUT /admin/merchants/{channel}/{id} (absent fields unchanged). */
    record MerchantSpec(String channel, String id, List<String> products, String status,
                        List<Integer> installmentCounts, String perTradeLimit, String dailyReceiptLimit,
                        String monthlyReceiptLimit) {
    }

    /**
     * POST /admin/faults. {@code kind}: SystemError, ServiceUnavailable, UserPaying (confirmsAfterMs,
     * absent: never), Delay (delayMs), ResponseLost, TamperSignature.
     */
    record FaultSpec(String channel, List<String> operations, String outTradeNo, Integer everyNth, Integer percent,
                     String kind, Long delayMs, Long confirmsAfterMs) {
    }
}
