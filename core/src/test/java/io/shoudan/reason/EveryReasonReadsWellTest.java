package io.shoudan.reason;

import io.shoudan.channel.ChannelStatus;
import io.shoudan.channel.MaintenanceWindow;
import io.shoudan.consumer.AccountStatus;
import io.shoudan.consumer.HuabeiStatus;
import io.shoudan.eligibility.EligibilityReason;
import io.shoudan.merchant.CreditRating;
import io.shoudan.merchant.Mcc;
import io.shoudan.merchant.MccRange;
import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.MerchantStatus;
import io.shoudan.merchant.MerchantType;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.ProductStatus;
import io.shoudan.merchant.RegionCode;
import io.shoudan.merchant.RegionPrefix;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.Operation;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentRefusal;
import io.shoudan.payment.PaymentState;
import io.shoudan.payment.RequestId;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.FirmwareVersion;
import io.shoudan.terminal.TerminalModel;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TerminalStatus;
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
    private static final TerminalSn SN = new TerminalSn("NL-Q1-000123");
    private static final MerchantId MERCHANT = new MerchantId("M-0001");
    private static final TerminalModel Q1 = new TerminalModel("Q1");

    /**
     * Realistic facts for every code, from its typed record (eligibility's and the payment service's); the codes only
     * channels and the terminal host report, with the facts they give.
     */
    static Map<ReasonCode, Reason> samples() {
        Map<ReasonCode, Reason> s = new EnumMap<>(ReasonCode.class);
        put(s, Reason.of(new EligibilityReason.MethodNotOffered(PaymentMethod.HUABEI)));
        put(s, Reason.of(new EligibilityReason.ChannelNotConnected(PaymentMethod.WECHAT_PAY, false)));
        put(s, Reason.of(new EligibilityReason.ProtocolTooOld(PaymentMethod.UNIONPAY_QR, 3, 2)));
        put(s, Reason.of(INTEGRATION_REQUEST_REJECTED, "channel", "ALIPAY", "rawCode", "40004/ACQ.INVALID_PARAMETER"));
        put(s, Reason.of(INTEGRATION_UNMAPPED_REFUSAL, "channel", "WECHAT", "rawCode", "SOMETHING_NEW"));
        put(s, Reason.of(new EligibilityReason.ChannelWindow(new MaintenanceWindow(Channel.ALIPAY, NOON, NOON.plusHours(2)))));
        put(s, Reason.of(new EligibilityReason.PlatformWindow(new MaintenanceWindow(null, NOON, NOON.plusHours(2)))));
        put(s, Reason.of(new EligibilityReason.ChannelUnavailable(Channel.UNIONPAY, ChannelStatus.DOWN)));
        put(s, Reason.of(new EligibilityReason.ChannelDegraded(Channel.WECHAT, ChannelStatus.DEGRADED)));
        put(s, Reason.of(new EligibilityReason.TerminalNotActivated(SN, TerminalStatus.NOT_ACTIVATED)));
        put(s, Reason.of(new EligibilityReason.TerminalLocked(SN, TerminalStatus.LOCKED)));
        put(s, Reason.of(new EligibilityReason.TerminalUpdating(SN, TerminalStatus.UPDATING, FirmwareVersion.parse("3.1.4"))));
        put(s, Reason.of(new EligibilityReason.TerminalUnbound(SN, new MerchantId("M-0002"), MERCHANT)));
        put(s, Reason.of(new EligibilityReason.TerminalRelocated(new RegionCode("310101"), new RegionCode("440305"))));
        put(s, Reason.of(new EligibilityReason.NotSignedOn(SN)));
        put(s, Reason.of(new EligibilityReason.FirmwareTooOld(PaymentMethod.HUABEI, FirmwareVersion.parse("3.2.0"), FirmwareVersion.parse("3.1.4"))));
        put(s, Reason.of(new EligibilityReason.ParametersOutdated(SN, PaymentMethod.HUABEI, 12, 9)));
        put(s, Reason.of(new EligibilityReason.HardwareUnsupported(PaymentMethod.UNIONPAY_DEBIT, Q1, List.of(Capability.CHIP, Capability.PINPAD))));
        put(s, Reason.of(new EligibilityReason.HardwareFault(SN, PaymentMethod.ALIPAY, Q1, List.of(Capability.SCANNER))));
        put(s, Reason.of(new EligibilityReason.ModelNotCertified(PaymentMethod.UNIONPAY_CREDIT, Q1, List.of("N910", "P2"))));
        put(s, Reason.of(new EligibilityReason.MethodNotConfigured(PaymentMethod.HUABEI, List.of(PaymentMethod.ALIPAY, PaymentMethod.WECHAT_PAY))));
        put(s, Reason.of(new EligibilityReason.MerchantNotApproved(MERCHANT, MerchantStatus.PENDING_REVIEW)));
        put(s, Reason.of(new EligibilityReason.MerchantSuspended(MERCHANT, MerchantStatus.SUSPENDED)));
        put(s, Reason.of(new EligibilityReason.TypeNotEligible(PaymentMethod.HUABEI, MerchantType.INDIVIDUAL,
                List.of(MerchantType.INDIVIDUAL_BUSINESS, MerchantType.ENTERPRISE))));
        put(s, Reason.of(new EligibilityReason.ProductNotSigned(PaymentMethod.HUABEI, Product.HUABEI, ProductStatus.NOT_SIGNED)));
        put(s, Reason.of(new EligibilityReason.ProductUnderReview(PaymentMethod.HUABEI, Product.HUABEI, ProductStatus.PENDING, Channel.ALIPAY,
                NOON.minusDays(3), 3L)));
        put(s, Reason.of(new EligibilityReason.ProductRejected(PaymentMethod.HUABEI, Product.HUABEI, ProductStatus.REJECTED, NOON.minusDays(1),
                List.of("shop_photo: 门头照片模糊 / the storefront photo is blurred"))));
        put(s, Reason.of(new EligibilityReason.ProductSuspended(PaymentMethod.WECHAT_PAY, Product.WECHAT_PAY, ProductStatus.SUSPENDED)));
        put(s, Reason.of(new EligibilityReason.ConsentMissing(PaymentMethod.WECHAT_PAY, Product.WECHAT_PAY, ProductStatus.ACTIVE, Channel.WECHAT)));
        put(s, Reason.of(new EligibilityReason.ProductStatusDrift(PaymentMethod.ALIPAY, Product.ALIPAY, ProductStatus.ACTIVE, Channel.ALIPAY,
                ProductStatus.SUSPENDED, NOON)));
        put(s, Reason.of(new EligibilityReason.CreditRatingTooLow(PaymentMethod.HUABEI, CreditRating.C, CreditRating.B)));
        put(s, Reason.of(new EligibilityReason.DisabledByMerchant(PaymentMethod.UNIONPAY_CREDIT, MERCHANT)));
        EligibilityReason.LimitExceeded daily = new EligibilityReason.LimitExceeded(PaymentMethod.ALIPAY, "DAILY", Money.parse("50000.00"),
                Money.parse("49900.00"), Money.parse("200.00"));
        put(s, Reason.of(daily));
        put(s, Reason.of(new EligibilityReason.IndustryRestricted(PaymentMethod.HUABEI, Mcc.parse("5944"), MccRange.parse("5944"))));
        put(s, Reason.of(new EligibilityReason.RegionRestricted(PaymentMethod.HUABEI, new RegionCode("440305"), new RegionPrefix("4403"))));
        put(s, Reason.of(new EligibilityReason.AmountOutOfRange(PaymentMethod.HUABEI, Money.parse("0.50"), "MIN", Money.parse("1.00"))));
        put(s, Reason.of(new EligibilityReason.InstallmentNotAllowed(PaymentMethod.HUABEI, 5, List.of("COUNT", "AMOUNT"), Money.parse("100.00"),
                List.of(3, 6, 12), Money.parse("600.00"))));
        put(s, Reason.of(new EligibilityReason.RegulatoryLimit(MerchantType.INDIVIDUAL, new EligibilityReason.LimitExceeded(PaymentMethod.UNIONPAY_CREDIT, "MONTHLY",
                Money.parse("100000.00"), Money.parse("99000.00"), Money.parse("2000.00")))));
        put(s, Reason.of(new EligibilityReason.AccountFrozen(Channel.ALIPAY, AccountStatus.FROZEN)));
        put(s, Reason.of(new EligibilityReason.HuabeiUnavailable(HuabeiStatus.OVERDUE)));
        put(s, Reason.of(new EligibilityReason.InsufficientFunds("HUABEI", Money.parse("80.00"), Money.parse("100.00"))));
        put(s, Reason.of(new EligibilityReason.PaymentCodeInvalid("28**********1234")));
        put(s, Reason.of(CONSUMER_CONFIRMATION_REQUIRED));
        put(s, Reason.of(CONSUMER_RISK_REJECTED, "channel", "WECHAT", "rawCode", "BUYER_RISK"));
        put(s, Reason.of(CONSUMER_PIN_INVALID, "channel", "UNIONPAY", "rawCode", "55"));
        put(s, Reason.of(CONSUMER_ISSUER_DECLINED, "channel", "UNIONPAY", "rawCode", "05"));
        put(s, Reason.of(CONSUMER_LIMIT_EXCEEDED, "channel", "ALIPAY", "rawCode", "ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR"));
        put(s, Reason.of(CONSUMER_NOT_CERTIFIED, "channel", "ALIPAY", "rawCode", "ACQ.ERROR_BUYER_CERTIFY_LEVEL_LIMIT"));
        put(s, Reason.of(CONSUMER_INSTRUMENT_NOT_ACCEPTED, "channel", "WECHAT", "rawCode", "NOTSUPORTCARD"));
        put(s, Reason.of(new EligibilityReason.CodeMethodMismatch(PaymentMethod.HUABEI, "WECHAT", "ALIPAY", "13**********5678")));
        put(s, Reason.of(new EligibilityReason.UnrecognizedCode("99**********0000", 18)));
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
        put(s, Reason.of(new EligibilityReason.TerminalOffline(NOON.minusMinutes(10), 600, 300L)));
        put(s, Reason.of(NETWORK_CHANNEL_TIMEOUT, "channel", "ALIPAY", "outcome", "REVERSED"));
        put(s, Reason.of(SECURITY_MAC_INVALID, "terminal", "NL-Q1-000123"));
        put(s, Reason.of(SECURITY_SIGNATURE_INVALID, "source", "ALIPAY"));
        put(s, Reason.of(new EligibilityReason.KeyExpired(SN, NOON)));
        put(s, Reason.of(new EligibilityReason.CertificateExpired(Channel.WECHAT, NOON)));
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
    void theReasonsBuiltWithFewerFactsThanTheirRecordsReadWellToo() {
        // as the payment service, the terminal host and the explanation of a failed payment build them
        for (Reason reason : List.of(
                Reason.of(new PaymentRefusal.NoGateway(Channel.WECHAT)),
                Reason.of(TERMINAL_UNBOUND, "terminal", "NL-Q1-000123", "merchant", "M-0001"),
                Reason.of(TERMINAL_NOT_ACTIVATED, "terminal", "NL-Q1-000123"),
                Reason.of(INTEGRATION_METHOD_NOT_OFFERED, "method", "HUABEI", "missing", "no rate card for HUABEI"),
                Reason.of(NETWORK_CHANNEL_TIMEOUT, "outcome", "UNKNOWN"),
                Reason.of(OPERATION_UNRECOGNIZED_CODE, "code", "99**********0000"),
                Reason.of(SECURITY_KEY_EXPIRED, "terminal", "NL-Q1-000123", "expiredAt", NOON),
                Reason.of(CONSUMER_INSUFFICIENT_FUNDS, "channel", "ALIPAY", "rawCode", "ACQ.BUYER_BALANCE_NOT_ENOUGH"))) {
            assertReadsWell(reason);
        }
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
