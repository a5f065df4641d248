package io.shoudan.eligibility;

import io.shoudan.channel.ChannelStatus;
import io.shoudan.channel.MaintenanceWindow;
import io.shoudan.consumer.AccountStatus;
import io.shoudan.consumer.HuabeiStatus;
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
import io.shoudan.reason.Evidence;
import io.shoudan.reason.ReasonCode;
import io.shoudan.reason.ReasonFacts;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.FirmwareVersion;
import io.shoudan.terminal.TerminalModel;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TerminalStatus;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import static io.shoudan.reason.ReasonCode.*;

/**
 * The facts behind each eligibility reason, one record per code: what {@link Rules} found, typed, so that a rule
 * cannot explain itself without a fact its texts name. {@link #evidence()} keeps the public keys and their order.
 */
public sealed interface EligibilityReason extends ReasonFacts {

    record MethodNotOffered(PaymentMethod method) implements EligibilityReason {
        public ReasonCode code() { return INTEGRATION_METHOD_NOT_OFFERED; }
        public Evidence evidence() { return Evidence.of("method", method); }
    }

    /** {@code connected}: false when the channel is known but disconnected, null when absent. */
    record ChannelNotConnected(PaymentMethod method, boolean absent) implements EligibilityReason {
        public ReasonCode code() { return INTEGRATION_CHANNEL_NOT_CONNECTED; }
        public Evidence evidence() {
            return Evidence.of("method", method, "channel", method.channel(), "connection", absent ? "ABSENT" : "DISCONNECTED");
        }
    }

    record ProtocolTooOld(PaymentMethod method, int required, int actual) implements EligibilityReason {
        public ReasonCode code() { return INTEGRATION_PROTOCOL_TOO_OLD; }
        public Evidence evidence() { return Evidence.of("method", method, "required", required, "actual", actual); }
    }

    /** A maintenance window that holds now: its scope and times. */
    sealed interface InWindow extends EligibilityReason {
        MaintenanceWindow window();

        default Evidence evidence() { return Evidence.of("scope", window().scope(), "from", window().from(), "to", window().to()); }
    }

    record ChannelWindow(MaintenanceWindow window) implements InWindow {
        public ReasonCode code() { return MAINTENANCE_CHANNEL_WINDOW; }
    }

    record PlatformWindow(MaintenanceWindow window) implements InWindow {
        public ReasonCode code() { return MAINTENANCE_PLATFORM_WINDOW; }
    }

    /** A channel in a status that stops or slows payments. */
    sealed interface ChannelInStatus extends EligibilityReason {
        Channel channel();

        ChannelStatus status();

        default Evidence evidence() { return Evidence.of("channel", channel(), "status", status()); }
    }

    record ChannelUnavailable(Channel channel, ChannelStatus status) implements ChannelInStatus {
        public ReasonCode code() { return MAINTENANCE_CHANNEL_UNAVAILABLE; }
    }

    record ChannelDegraded(Channel channel, ChannelStatus status) implements ChannelInStatus {
        public ReasonCode code() { return MAINTENANCE_CHANNEL_DEGRADED; }
    }

    /** A terminal in a status that takes no payment. */
    sealed interface TerminalInStatus extends EligibilityReason {
        TerminalSn terminal();

        TerminalStatus status();

        default Evidence evidence() { return Evidence.of("terminal", terminal(), "status", status()); }
    }

    record TerminalNotActivated(TerminalSn terminal, TerminalStatus status) implements TerminalInStatus {
        public ReasonCode code() { return TERMINAL_NOT_ACTIVATED; }
    }

    record TerminalLocked(TerminalSn terminal, TerminalStatus status) implements TerminalInStatus {
        public ReasonCode code() { return TERMINAL_LOCKED; }
    }

    record TerminalUpdating(TerminalSn terminal, TerminalStatus status, FirmwareVersion firmware) implements EligibilityReason {
        public ReasonCode code() { return TERMINAL_UPDATING; }
        public Evidence evidence() { return Evidence.of("terminal", terminal, "status", status, "firmware", firmware); }
    }

    record TerminalUnbound(TerminalSn terminal, MerchantId boundTo, MerchantId merchant) implements EligibilityReason {
        public ReasonCode code() { return TERMINAL_UNBOUND; }
        public Evidence evidence() { return Evidence.of("terminal", terminal, "boundTo", boundTo, "merchant", merchant); }
    }

    record TerminalRelocated(RegionCode registered, RegionCode observed) implements EligibilityReason {
        public ReasonCode code() { return TERMINAL_RELOCATED; }
        public Evidence evidence() { return Evidence.of("registered", registered, "observed", observed); }
    }

    record NotSignedOn(TerminalSn terminal) implements EligibilityReason {
        public ReasonCode code() { return TERMINAL_NOT_SIGNED_ON; }
        public Evidence evidence() { return Evidence.of("terminal", terminal, "signedOn", false); }
    }

    record FirmwareTooOld(PaymentMethod method, FirmwareVersion required, FirmwareVersion actual) implements EligibilityReason {
        public ReasonCode code() { return TERMINAL_FIRMWARE_TOO_OLD; }
        public Evidence evidence() { return Evidence.of("method", method, "required", required, "actual", actual); }
    }

    record ParametersOutdated(TerminalSn terminal, PaymentMethod method, Integer required, Integer actual)
            implements EligibilityReason {
        public ReasonCode code() { return TERMINAL_PARAMETERS_OUTDATED; }
        public Evidence evidence() { return Evidence.of("terminal", terminal, "method", method, "required", required, "actual", actual); }
    }

    record HardwareUnsupported(PaymentMethod method, TerminalModel model, List<Capability> missing) implements EligibilityReason {
        public ReasonCode code() { return TERMINAL_HARDWARE_UNSUPPORTED; }
        public Evidence evidence() { return Evidence.of("method", method, "model", model, "missing", missing); }
    }

    record HardwareFault(TerminalSn terminal, PaymentMethod method, TerminalModel model, List<Capability> faulty)
            implements EligibilityReason {
        public ReasonCode code() { return TERMINAL_HARDWARE_FAULT; }
        public Evidence evidence() { return Evidence.of("terminal", terminal, "method", method, "model", model, "faulty", faulty); }
    }

    /** {@code certified}: the certified models' names, sorted. */
    record ModelNotCertified(PaymentMethod method, TerminalModel model, List<String> certified) implements EligibilityReason {
        public ReasonCode code() { return TERMINAL_MODEL_NOT_CERTIFIED; }
        public Evidence evidence() { return Evidence.of("method", method, "model", model, "certified", certified); }
    }

    record MethodNotConfigured(PaymentMethod method, Collection<PaymentMethod> enabled) implements EligibilityReason {
        public ReasonCode code() { return TERMINAL_METHOD_NOT_CONFIGURED; }
        public Evidence evidence() { return Evidence.of("method", method, "enabled", enabled); }
    }

    /** A merchant in a status that takes no payment. */
    sealed interface MerchantInStatus extends EligibilityReason {
        MerchantId merchant();

        MerchantStatus status();

        default Evidence evidence() { return Evidence.of("merchant", merchant(), "status", status()); }
    }

    record MerchantNotApproved(MerchantId merchant, MerchantStatus status) implements MerchantInStatus {
        public ReasonCode code() { return MERCHANT_NOT_APPROVED; }
    }

    record MerchantSuspended(MerchantId merchant, MerchantStatus status) implements MerchantInStatus {
        public ReasonCode code() { return MERCHANT_SUSPENDED; }
    }

    record TypeNotEligible(PaymentMethod method, MerchantType type, Collection<MerchantType> allowed) implements EligibilityReason {
        public ReasonCode code() { return MERCHANT_TYPE_NOT_ELIGIBLE; }
        public Evidence evidence() { return Evidence.of("method", method, "type", type, "allowed", allowed); }
    }

    record CreditRatingTooLow(PaymentMethod method, CreditRating rating, CreditRating required) implements EligibilityReason {
        public ReasonCode code() { return MERCHANT_CREDIT_RATING_TOO_LOW; }
        public Evidence evidence() { return Evidence.of("method", method, "rating", rating, "required", required); }
    }

    record DisabledByMerchant(PaymentMethod method, MerchantId merchant) implements EligibilityReason {
        public ReasonCode code() { return MERCHANT_METHOD_DISABLED_BY_MERCHANT; }
        public Evidence evidence() { return Evidence.of("method", method, "merchant", merchant); }
    }

    record IndustryRestricted(PaymentMethod method, Mcc mcc, MccRange rule) implements EligibilityReason {
        public ReasonCode code() { return POLICY_INDUSTRY_RESTRICTED; }
        public Evidence evidence() { return Evidence.of("method", method, "mcc", mcc, "rule", rule); }
    }

    record RegionRestricted(PaymentMethod method, RegionCode region, RegionPrefix rule) implements EligibilityReason {
        public ReasonCode code() { return POLICY_REGION_RESTRICTED; }
        public Evidence evidence() { return Evidence.of("method", method, "region", region, "rule", rule); }
    }

    /** {@code bound}: MIN or MAX, and {@code limit} the one passed. */
    record AmountOutOfRange(PaymentMethod method, Money amount, String bound, Money limit) implements EligibilityReason {
        public ReasonCode code() { return POLICY_AMOUNT_OUT_OF_RANGE; }
        public Evidence evidence() { return Evidence.of("method", method, "amount", amount, "bound", bound, "limit", limit); }
    }

    record AccountFrozen(Channel channel, AccountStatus status) implements EligibilityReason {
        public ReasonCode code() { return CONSUMER_ACCOUNT_FROZEN; }
        public Evidence evidence() { return Evidence.of("channel", channel, "status", status); }
    }

    record HuabeiUnavailable(HuabeiStatus status) implements EligibilityReason {
        public ReasonCode code() { return CONSUMER_HUABEI_UNAVAILABLE; }
        public Evidence evidence() { return Evidence.of("status", status); }
    }

    /** {@code source}: HUABEI (available credit) or BALANCE. */
    record InsufficientFunds(String source, Money available, Money amount) implements EligibilityReason {
        public ReasonCode code() { return CONSUMER_INSUFFICIENT_FUNDS; }
        public Evidence evidence() { return Evidence.of("source", source, "available", available, "amount", amount); }
    }

    /** {@code paymentCode}: masked. */
    record PaymentCodeInvalid(String paymentCode) implements EligibilityReason {
        public ReasonCode code() { return CONSUMER_PAYMENT_CODE_INVALID; }
        public Evidence evidence() { return Evidence.of("paymentCode", paymentCode); }
    }

    /** {@code scanned} and {@code expected}: the code's issuer (a channel name, CARD or UNKNOWN); {@code paymentCode} masked. */
    record CodeMethodMismatch(PaymentMethod method, String scanned, String expected, String paymentCode) implements EligibilityReason {
        public ReasonCode code() { return OPERATION_CODE_METHOD_MISMATCH; }
        public Evidence evidence() {
            return Evidence.of("method", method, "scanned", scanned, "expected", expected, "paymentCode", paymentCode);
        }
    }

    /** {@code paymentCode}: masked; {@code length}: of the code as scanned. */
    record UnrecognizedCode(String paymentCode, int length) implements EligibilityReason {
        public ReasonCode code() { return OPERATION_UNRECOGNIZED_CODE; }
        public Evidence evidence() { return Evidence.of("paymentCode", paymentCode, "length", length); }
    }

    record InvalidAmount(Money amount) implements EligibilityReason {
        public ReasonCode code() { return OPERATION_INVALID_AMOUNT; }
        public Evidence evidence() { return Evidence.of("amount", amount); }
    }

    record TerminalOffline(OffsetDateTime lastSeenAt, long silentSeconds, Long thresholdSeconds) implements EligibilityReason {
        public ReasonCode code() { return NETWORK_TERMINAL_OFFLINE; }
        public Evidence evidence() {
            return Evidence.of("lastSeenAt", lastSeenAt, "silentSeconds", silentSeconds, "thresholdSeconds", thresholdSeconds);
        }
    }

    record KeyExpired(TerminalSn terminal, OffsetDateTime expiredAt) implements EligibilityReason {
        public ReasonCode code() { return SECURITY_KEY_EXPIRED; }
        public Evidence evidence() { return Evidence.of("terminal", terminal, "expiredAt", expiredAt); }
    }

    record CertificateExpired(Channel channel, OffsetDateTime expiredAt) implements EligibilityReason {
        public ReasonCode code() { return SECURITY_CERTIFICATE_EXPIRED; }
        public Evidence evidence() { return Evidence.of("channel", channel, "expiredAt", expiredAt); }
    }
    /** A product the method needs, in a status that does not let it be used. */
    sealed interface ProductInStatus extends EligibilityReason {
        PaymentMethod method();

        Product product();

        ProductStatus status();

        default Evidence evidence() { return Evidence.of("method", method(), "product", product(), "status", status()); }
    }

    record ProductNotSigned(PaymentMethod method, Product product, ProductStatus status) implements ProductInStatus {
        public ReasonCode code() { return MERCHANT_PRODUCT_NOT_SIGNED; }
    }

    /** {@code since} and {@code days} under review: both known, or both null. */
    record ProductUnderReview(PaymentMethod method, Product product, ProductStatus status, Channel channel,
                              OffsetDateTime since, Long days) implements EligibilityReason {
        public ReasonCode code() { return MERCHANT_PRODUCT_UNDER_REVIEW; }
        public Evidence evidence() {
            Evidence base = Evidence.of("method", method, "product", product, "status", status, "channel", channel);
            return since == null ? base : base.and(Evidence.of("since", since, "days", days));
        }
    }

    /** {@code rejections}: each {@code field: reason}; {@code since} null when unknown. */
    record ProductRejected(PaymentMethod method, Product product, ProductStatus status, OffsetDateTime since,
                           List<String> rejections) implements EligibilityReason {
        public ReasonCode code() { return MERCHANT_PRODUCT_REJECTED; }
        public Evidence evidence() {
            Evidence base = Evidence.of("method", method, "product", product, "status", status);
            return base.and(since == null ? Evidence.of("rejections", rejections) : Evidence.of("since", since, "rejections", rejections));
        }
    }

    record ProductSuspended(PaymentMethod method, Product product, ProductStatus status) implements ProductInStatus {
        public ReasonCode code() { return MERCHANT_PRODUCT_SUSPENDED; }
    }

    record ConsentMissing(PaymentMethod method, Product product, ProductStatus status, Channel channel) implements EligibilityReason {
        public ReasonCode code() { return MERCHANT_CONSENT_MISSING; }
        public Evidence evidence() {
            return Evidence.of("method", method, "product", product, "status", status, "channel", channel, "consent", false);
        }
    }

    /** {@code channelCheckedAt} null when unknown. */
    record ProductStatusDrift(PaymentMethod method, Product product, ProductStatus status, Channel channel,
                              ProductStatus channelStatus, OffsetDateTime channelCheckedAt) implements EligibilityReason {
        public ReasonCode code() { return MERCHANT_PRODUCT_STATUS_DRIFT; }
        public Evidence evidence() {
            Evidence base = Evidence.of("method", method, "product", product, "status", status, "channel", channel,
                    "channelStatus", channelStatus);
            return channelCheckedAt == null ? base : base.and(Evidence.of("channelCheckedAt", channelCheckedAt));
        }
    }

    /** {@code period}: DAILY or MONTHLY, the limit this payment would pass; {@code used} in that period. */
    record LimitExceeded(PaymentMethod method, String period, Money limit, Money used, Money amount) implements EligibilityReason {
        public ReasonCode code() { return MERCHANT_LIMIT_EXCEEDED; }
        public Evidence evidence() { return Evidence.of("method", method, "period", period, "limit", limit, "used", used, "amount", amount); }
    }

    /** The regulator's cap for {@code merchantType}, passed as {@code passed} says. */
    record RegulatoryLimit(MerchantType merchantType, LimitExceeded passed) implements EligibilityReason {
        public ReasonCode code() { return POLICY_REGULATORY_LIMIT; }
        public Evidence evidence() { return Evidence.of("merchantType", merchantType).and(passed.evidence()); }
    }

    /**
     * {@code problems}: METHOD, COUNT and/or AMOUNT; {@code allowedCounts} and {@code minAmount} null when the
     * method's rule sets none.
     */
    record InstallmentNotAllowed(PaymentMethod method, int installments, List<String> problems, Money amount,
                                 List<Integer> allowedCounts, Money minAmount) implements EligibilityReason {
        public ReasonCode code() { return POLICY_INSTALLMENT_NOT_ALLOWED; }
        public Evidence evidence() {
            Evidence e = Evidence.of("method", method, "installments", installments, "problems", problems, "amount", amount);
            e = allowedCounts == null ? e : e.and(Evidence.of("allowedCounts", allowedCounts));
            return minAmount == null ? e : e.and(Evidence.of("minAmount", minAmount));
        }
    }
}
