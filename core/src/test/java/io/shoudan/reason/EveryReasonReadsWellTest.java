package io.shoudan.reason;

import io.shoudan.money.Money;
import io.shoudan.payment.Operation;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentRefusal;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RequestId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.shoudan.reason.ReasonCode.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code, rendered in both languages from realistic facts (as the eligibility rules, the payment service and
 * the terminal host build them) and from the few facts a channel gives (its name and raw code), reads as a
 * finished sentence in one language:
 * <ul>
 *   <li>no placeholder is left ({@code {key}} or a bracket part);</li>
 *   <li>the Chinese text has no English phrase: no run of two or more Latin words with lower-case letters.
 *       Codes, acronyms and raw values (POS, MAC, MCC, NFC, IC, Wi-Fi, 4G, ACQ.TRADE_HAS_CLOSE, VOID, 3.2.0) are
 *       single words or upper case, and allowed;</li>
 *   <li>the English text has no Chinese character at all: a Chinese term is explained in English, not quoted
 *       (no "individual (小微) merchants").</li>
 * </ul>
 */
class EveryReasonReadsWellTest {

    /** Two or more consecutive Latin words that have lower-case letters: an English phrase. */
    static final Pattern ENGLISH_PHRASE = Pattern.compile("[A-Za-z]*[a-z][A-Za-z'-]*(?:[ ]+[A-Za-z]*[a-z][A-Za-z'-]*)+");
    static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}，。：；（）“”、]");

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-23T04:00:00Z");
    private static final RequestId ORIGINAL = new RequestId.Client("S-20261123-0001");

    /** Realistic facts for every code: the payment service's from its records, the others with the keys their builders use. */
    static Map<ReasonCode, Reason> samples() {
        Map<ReasonCode, Reason> s = new EnumMap<>(ReasonCode.class);
        put(s, Reason.of(INTEGRATION_METHOD_NOT_OFFERED, "method", "HUABEI_INSTALLMENT"));
        put(s, Reason.of(INTEGRATION_CHANNEL_NOT_CONNECTED, "method", "WECHAT_PAY", "channel", "WECHAT", "connection", "DISCONNECTED"));
        put(s, Reason.of(INTEGRATION_PROTOCOL_TOO_OLD, "method", "UNIONPAY_QR", "required", 3, "actual", 2));
        put(s, Reason.of(INTEGRATION_REQUEST_REJECTED, "channel", "ALIPAY", "rawCode", "40004/ACQ.INVALID_PARAMETER"));
        put(s, Reason.of(INTEGRATION_UNMAPPED_REFUSAL, "channel", "WECHAT", "rawCode", "SOMETHING_NEW"));
        put(s, Reason.of(MAINTENANCE_CHANNEL_WINDOW, "scope", "ALIPAY", "from", NOON, "to", NOON.plusHours(2)));
        put(s, Reason.of(MAINTENANCE_PLATFORM_WINDOW, "scope", "PLATFORM", "from", NOON, "to", NOON.plusHours(2)));
        put(s, Reason.of(MAINTENANCE_CHANNEL_UNAVAILABLE, "channel", "UNIONPAY", "status", "DOWN"));
        put(s, Reason.of(MAINTENANCE_CHANNEL_DEGRADED, "channel", "WECHAT", "status", "DEGRADED"));
        put(s, Reason.of(TERMINAL_NOT_ACTIVATED, "terminal", "NL-Q1-000123", "status", "NOT_ACTIVATED"));
        put(s, Reason.of(TERMINAL_LOCKED, "terminal", "NL-Q1-000123", "status", "LOCKED"));
        put(s, Reason.of(TERMINAL_UPDATING, "terminal", "NL-Q1-000123", "status", "UPDATING", "firmware", "3.1.4"));
        put(s, Reason.of(TERMINAL_UNBOUND, "terminal", "NL-Q1-000123", "boundTo", "M-0002", "merchant", "M-0001"));
        put(s, Reason.of(TERMINAL_RELOCATED, "registered", "310101", "observed", "440305"));
        put(s, Reason.of(TERMINAL_NOT_SIGNED_ON, "terminal", "NL-Q1-000123", "signedOn", false));
        put(s, Reason.of(TERMINAL_FIRMWARE_TOO_OLD, "method", "HUABEI", "required", "3.2.0", "actual", "3.1.4"));
        put(s, Reason.of(TERMINAL_PARAMETERS_OUTDATED, "terminal", "NL-Q1-000123", "method", "HUABEI", "required", 12, "actual", 9));
        put(s, Reason.of(TERMINAL_HARDWARE_UNSUPPORTED, "method", "UNIONPAY_DEBIT", "model", "Q1", "missing", List.of("CHIP", "PINPAD")));
        put(s, Reason.of(TERMINAL_HARDWARE_FAULT, "terminal", "NL-Q1-000123", "method", "ALIPAY", "model", "Q1", "faulty", List.of("SCANNER")));
        put(s, Reason.of(TERMINAL_MODEL_NOT_CERTIFIED, "method", "UNIONPAY_CREDIT", "model", "Q1", "certified", List.of("N910", "P2")));
        put(s, Reason.of(TERMINAL_METHOD_NOT_CONFIGURED, "method", "HUABEI", "enabled", List.of("ALIPAY", "WECHAT_PAY")));
        put(s, Reason.of(MERCHANT_NOT_APPROVED, "merchant", "M-0001", "status", "PENDING_REVIEW"));
        put(s, Reason.of(MERCHANT_SUSPENDED, "merchant", "M-0001", "status", "SUSPENDED"));
        put(s, Reason.of(MERCHANT_TYPE_NOT_ELIGIBLE, "method", "HUABEI_INSTALLMENT", "type", "INDIVIDUAL",
                "allowed", List.of("INDIVIDUAL_BUSINESS", "ENTERPRISE")));
        put(s, Reason.of(MERCHANT_PRODUCT_NOT_SIGNED, "method", "HUABEI", "product", "HUABEI", "status", "NOT_SIGNED"));
        put(s, Reason.of(MERCHANT_PRODUCT_UNDER_REVIEW, "method", "HUABEI", "product", "HUABEI", "status", "PENDING",
                "channel", "ALIPAY", "since", NOON.minusDays(3), "days", 3));
        put(s, Reason.of(MERCHANT_PRODUCT_REJECTED, "method", "HUABEI", "product", "HUABEI", "status", "REJECTED",
                "since", NOON.minusDays(1), "rejections", List.of("shop_photo: 门头照片模糊 / the storefront photo is blurred")));
        put(s, Reason.of(MERCHANT_PRODUCT_SUSPENDED, "method", "WECHAT_PAY", "product", "WECHAT_PAY", "status", "SUSPENDED"));
        put(s, Reason.of(MERCHANT_CONSENT_MISSING, "method", "WECHAT_PAY", "product", "WECHAT_PAY", "status", "ACTIVE",
                "channel", "WECHAT", "consent", false));
        put(s, Reason.of(MERCHANT_PRODUCT_STATUS_DRIFT, "method", "ALIPAY", "product", "ALIPAY", "status", "ACTIVE",
                "channel", "ALIPAY", "channelStatus", "SUSPENDED", "channelCheckedAt", NOON));
        put(s, Reason.of(MERCHANT_CREDIT_RATING_TOO_LOW, "method", "HUABEI_INSTALLMENT", "rating", "C", "required", "B"));
        put(s, Reason.of(MERCHANT_METHOD_DISABLED_BY_MERCHANT, "method", "UNIONPAY_CREDIT", "merchant", "M-0001"));
        put(s, Reason.of(MERCHANT_LIMIT_EXCEEDED, "method", "ALIPAY", "period", "DAILY", "limit", Money.parse("50000.00"),
                "used", Money.parse("49900.00"), "amount", Money.parse("200.00")));
        put(s, Reason.of(POLICY_INDUSTRY_RESTRICTED, "method", "HUABEI", "mcc", "5944", "rule", "5944"));
        put(s, Reason.of(POLICY_REGION_RESTRICTED, "method", "HUABEI", "region", "440305", "rule", "4403"));
        put(s, Reason.of(POLICY_AMOUNT_OUT_OF_RANGE, "method", "HUABEI", "amount", Money.parse("0.50"), "bound", "MIN",
                "limit", Money.parse("1.00")));
        put(s, Reason.of(POLICY_INSTALLMENT_NOT_ALLOWED, "method", "HUABEI", "installments", 5, "allowedCounts", List.of(3, 6, 12),
                "amount", Money.parse("100.00"), "minAmount", Money.parse("600.00"), "problems", List.of("COUNT", "AMOUNT")));
        put(s, Reason.of(POLICY_REGULATORY_LIMIT, "merchantType", "INDIVIDUAL", "method", "UNIONPAY_CREDIT", "period", "MONTHLY",
                "limit", Money.parse("100000.00"), "used", Money.parse("99000.00"), "amount", Money.parse("2000.00")));
        put(s, Reason.of(CONSUMER_ACCOUNT_FROZEN, "channel", "ALIPAY", "status", "FROZEN"));
        put(s, Reason.of(CONSUMER_HUABEI_UNAVAILABLE, "status", "OVERDUE"));
        put(s, Reason.of(CONSUMER_INSUFFICIENT_FUNDS, "source", "HUABEI", "available", Money.parse("80.00"), "amount", Money.parse("100.00")));
        put(s, Reason.of(CONSUMER_PAYMENT_CODE_INVALID, "paymentCode", "28**********1234"));
        put(s, Reason.of(CONSUMER_CONFIRMATION_REQUIRED));
        put(s, Reason.of(CONSUMER_RISK_REJECTED, "channel", "WECHAT", "rawCode", "BUYER_RISK"));
        put(s, Reason.of(CONSUMER_PIN_INVALID, "channel", "UNIONPAY", "rawCode", "55"));
        put(s, Reason.of(CONSUMER_ISSUER_DECLINED, "channel", "UNIONPAY", "rawCode", "05"));
        put(s, Reason.of(CONSUMER_LIMIT_EXCEEDED, "channel", "ALIPAY", "rawCode", "ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR"));
        put(s, Reason.of(CONSUMER_NOT_CERTIFIED, "channel", "ALIPAY", "rawCode", "ACQ.ERROR_BUYER_CERTIFY_LEVEL_LIMIT"));
        put(s, Reason.of(CONSUMER_INSTRUMENT_NOT_ACCEPTED, "channel", "WECHAT", "rawCode", "NOTSUPORTCARD"));
        put(s, Reason.of(OPERATION_CODE_METHOD_MISMATCH, "method", "HUABEI", "scanned", "WECHAT", "expected", "ALIPAY",
                "paymentCode", "13**********5678"));
        put(s, Reason.of(OPERATION_UNRECOGNIZED_CODE, "paymentCode", "99**********0000", "length", 18));
        put(s, Reason.of(new PaymentRefusal.InvalidAmount(Money.parse("0.00"))));
        put(s, Reason.of(new PaymentRefusal.WrongTransactionType(ORIGINAL, Operation.SALE)));
        put(s, Reason.of(new PaymentRefusal.DuplicateRequest(ORIGINAL, "amount")));
        put(s, Reason.of(new PaymentRefusal.ReversedBeforeArrival(new RequestId.Client("R-20261123-0007"))));
        put(s, Reason.of(new PaymentRefusal.OriginalNotFound(ORIGINAL)));
        put(s, Reason.of(new PaymentRefusal.NotVoidable(ORIGINAL, PaymentState.PARTIALLY_REFUNDED)));
        put(s, Reason.of(new PaymentRefusal.VoidAfterSettlement(ORIGINAL, Instant.parse("2026-11-23T15:00:00Z"))));
        put(s, Reason.of(new PaymentRefusal.VoidAfterPaymentDay(ORIGINAL, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24"))));
        put(s, Reason.of(new PaymentRefusal.NotRefundable(ORIGINAL, PaymentState.FAILED)));
        put(s, Reason.of(new PaymentRefusal.RefundAboveRemaining(ORIGINAL, Money.parse("31.00"), Money.parse("30.00"))));
        put(s, Reason.of(new PaymentRefusal.AdjustmentNotReversible(new RequestId.Client("V-1"), Operation.VOID,
                new PaymentId("P-0001"), PaymentState.VOIDED)));
        put(s, Reason.of(new PaymentRefusal.SaleNotReversible(new PaymentId("P-0001"), PaymentState.PARTIALLY_REFUNDED)));
        put(s, Reason.of(NETWORK_TERMINAL_OFFLINE, "lastSeenAt", NOON.minusMinutes(10), "silentSeconds", 600, "thresholdSeconds", 300));
        put(s, Reason.of(NETWORK_CHANNEL_TIMEOUT, "channel", "ALIPAY", "outcome", "REVERSED"));
        put(s, Reason.of(SECURITY_MAC_INVALID, "terminal", "NL-Q1-000123"));
        put(s, Reason.of(SECURITY_SIGNATURE_INVALID, "source", "ALIPAY"));
        put(s, Reason.of(SECURITY_KEY_EXPIRED, "terminal", "NL-Q1-000123", "expiredAt", NOON));
        put(s, Reason.of(SECURITY_CERTIFICATE_EXPIRED, "channel", "WECHAT", "expiredAt", NOON));
        put(s, Reason.of(SECURITY_REPLAY_DETECTED, "detail", "trace 000123"));
        return s;
    }

    private static void put(Map<ReasonCode, Reason> samples, Reason reason) {
        assertThat(samples.put(reason.code(), reason)).as("one sample for %s", reason.code()).isNull();
    }

    @Test
    void everyCodeHasASample() {
        assertThat(samples().keySet()).containsExactlyInAnyOrder(ReasonCode.values());
    }

    @ParameterizedTest(name = "{0} reads well with its facts")
    @EnumSource(ReasonCode.class)
    void everyCodeReadsWellInBothLanguagesFromItsFacts(ReasonCode code) {
        assertReadsWell(samples().get(code));
    }

    @ParameterizedTest(name = "{0} reads well as a channel tells it")
    @EnumSource(ReasonCode.class)
    void everyCodeReadsWellInBothLanguagesFromAChannelsFewFacts(ReasonCode code) {
        assertReadsWell(Reason.of(code, "channel", "ALIPAY", "rawCode", "40004/ACQ.SOME_CODE"));
        assertReadsWell(Reason.of(code));
    }

    @Test
    void theRulesCatchWhatTheyAreFor() {
        assertThat(ENGLISH_PHRASE.matcher("交易类型不符（problem：the refund is above what is left）").find()).isTrue();
        assertThat(ENGLISH_PHRASE.matcher("终端 NL-Q1-000123 的 MAC 校验失败（应答 ACQ.TRADE_HAS_CLOSE，VOID，Wi-Fi、4G，v3.2.0）").find()).isFalse();
        assertThat(CHINESE.matcher("individual (小微) merchants").find()).isTrue();
        assertThat(CHINESE.matcher("Terminal NL-Q1-000123 is locked (too many wrong PINs).").find()).isFalse();
    }

    private static void assertReadsWell(Reason reason) {
        for (String zh : List.of(ReasonTexts.message(reason, Lang.ZH), ReasonTexts.remedy(reason, Lang.ZH), ReasonTexts.title(reason.code(), Lang.ZH))) {
            assertThat(zh).as("%s in Chinese", reason).doesNotContain("{", "}", "[", "]").matches("(?s).*\\p{IsHan}.*");
            assertThat(ENGLISH_PHRASE.matcher(zh).results().map(r -> r.group()).toList()).as("English in %s: %s", reason.code(), zh).isEmpty();
        }
        for (String en : List.of(ReasonTexts.message(reason, Lang.EN), ReasonTexts.remedy(reason, Lang.EN), ReasonTexts.title(reason.code(), Lang.EN))) {
            assertThat(en).as("%s in English", reason).doesNotContain("{", "}", "[", "]").matches("(?s).*[a-z].*");
            assertThat(CHINESE.matcher(en).results().map(r -> r.group()).toList()).as("Chinese in %s: %s", reason.code(), en).isEmpty();
        }
    }
}
