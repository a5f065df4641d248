package io.shoudan.reason;

import static io.shoudan.reason.Actor.ACQUIRER;
import static io.shoudan.reason.Actor.CASHIER;
import static io.shoudan.reason.Actor.CHANNEL;
import static io.shoudan.reason.Actor.CONSUMER;
import static io.shoudan.reason.Actor.MERCHANT;
import static io.shoudan.reason.Retry.AFTER_FIX;
import static io.shoudan.reason.Retry.LATER;
import static io.shoudan.reason.Retry.NEVER;
import static io.shoudan.reason.Retry.NOW;

/**
 * The reason catalogue: the public codes of the diagnose contract (version 2) and the project's
 * additions (marked so). docs/REASONS.md is generated from it. Declaration order is the contract's
 * table order — an addition sits in its category after the contract's codes it follows — and orders
 * a verdict's reasons within blocking and within warnings. A code is public API: never rename one or
 * reuse it for another meaning.
 */
public enum ReasonCode {
    INTEGRATION_METHOD_NOT_OFFERED(Category.INTEGRATION, "METHOD_NOT_OFFERED", ACQUIRER, AFTER_FIX),
    INTEGRATION_CHANNEL_NOT_CONNECTED(Category.INTEGRATION, "CHANNEL_NOT_CONNECTED", ACQUIRER, AFTER_FIX),
    INTEGRATION_PROTOCOL_TOO_OLD(Category.INTEGRATION, "PROTOCOL_TOO_OLD", ACQUIRER, AFTER_FIX),
    /** Project addition: the channel refused the request's form or parameters. */
    INTEGRATION_REQUEST_REJECTED(Category.INTEGRATION, "REQUEST_REJECTED", ACQUIRER, AFTER_FIX),
    /** Project addition: the channel refused with a code no mapping table knows yet. */
    INTEGRATION_UNMAPPED_REFUSAL(Category.INTEGRATION, "UNMAPPED_REFUSAL", ACQUIRER, AFTER_FIX),
    MAINTENANCE_CHANNEL_WINDOW(Category.MAINTENANCE, "CHANNEL_WINDOW", CHANNEL, LATER),
    MAINTENANCE_PLATFORM_WINDOW(Category.MAINTENANCE, "PLATFORM_WINDOW", ACQUIRER, LATER),
    MAINTENANCE_CHANNEL_UNAVAILABLE(Category.MAINTENANCE, "CHANNEL_UNAVAILABLE", CHANNEL, LATER),
    MAINTENANCE_CHANNEL_DEGRADED(Category.MAINTENANCE, "CHANNEL_DEGRADED", CHANNEL, NOW, false),
    TERMINAL_NOT_ACTIVATED(Category.TERMINAL, "NOT_ACTIVATED", ACQUIRER, AFTER_FIX),
    TERMINAL_LOCKED(Category.TERMINAL, "LOCKED", ACQUIRER, AFTER_FIX),
    TERMINAL_UPDATING(Category.TERMINAL, "UPDATING", ACQUIRER, LATER),
    TERMINAL_UNBOUND(Category.TERMINAL, "UNBOUND", ACQUIRER, AFTER_FIX),
    TERMINAL_RELOCATED(Category.TERMINAL, "RELOCATED", MERCHANT, AFTER_FIX),
    TERMINAL_NOT_SIGNED_ON(Category.TERMINAL, "NOT_SIGNED_ON", CASHIER, NOW),
    TERMINAL_FIRMWARE_TOO_OLD(Category.TERMINAL, "FIRMWARE_TOO_OLD", ACQUIRER, AFTER_FIX),
    TERMINAL_PARAMETERS_OUTDATED(Category.TERMINAL, "PARAMETERS_OUTDATED", CASHIER, AFTER_FIX),
    TERMINAL_HARDWARE_UNSUPPORTED(Category.TERMINAL, "HARDWARE_UNSUPPORTED", ACQUIRER, AFTER_FIX),
    TERMINAL_HARDWARE_FAULT(Category.TERMINAL, "HARDWARE_FAULT", MERCHANT, AFTER_FIX),
    TERMINAL_MODEL_NOT_CERTIFIED(Category.TERMINAL, "MODEL_NOT_CERTIFIED", ACQUIRER, AFTER_FIX),
    TERMINAL_METHOD_NOT_CONFIGURED(Category.TERMINAL, "METHOD_NOT_CONFIGURED", ACQUIRER, AFTER_FIX),
    MERCHANT_NOT_APPROVED(Category.MERCHANT, "NOT_APPROVED", MERCHANT, AFTER_FIX),
    MERCHANT_SUSPENDED(Category.MERCHANT, "SUSPENDED", ACQUIRER, AFTER_FIX),
    MERCHANT_TYPE_NOT_ELIGIBLE(Category.MERCHANT, "TYPE_NOT_ELIGIBLE", MERCHANT, AFTER_FIX),
    MERCHANT_PRODUCT_NOT_SIGNED(Category.MERCHANT, "PRODUCT_NOT_SIGNED", MERCHANT, AFTER_FIX),
    MERCHANT_PRODUCT_UNDER_REVIEW(Category.MERCHANT, "PRODUCT_UNDER_REVIEW", ACQUIRER, LATER),
    MERCHANT_PRODUCT_REJECTED(Category.MERCHANT, "PRODUCT_REJECTED", MERCHANT, AFTER_FIX),
    MERCHANT_PRODUCT_SUSPENDED(Category.MERCHANT, "PRODUCT_SUSPENDED", ACQUIRER, AFTER_FIX),
    MERCHANT_CONSENT_MISSING(Category.MERCHANT, "CONSENT_MISSING", MERCHANT, AFTER_FIX),
    MERCHANT_PRODUCT_STATUS_DRIFT(Category.MERCHANT, "PRODUCT_STATUS_DRIFT", ACQUIRER, AFTER_FIX),
    MERCHANT_CREDIT_RATING_TOO_LOW(Category.MERCHANT, "CREDIT_RATING_TOO_LOW", MERCHANT, AFTER_FIX),
    MERCHANT_METHOD_DISABLED_BY_MERCHANT(Category.MERCHANT, "METHOD_DISABLED_BY_MERCHANT", MERCHANT, AFTER_FIX),
    MERCHANT_LIMIT_EXCEEDED(Category.MERCHANT, "LIMIT_EXCEEDED", MERCHANT, LATER),
    POLICY_INDUSTRY_RESTRICTED(Category.POLICY, "INDUSTRY_RESTRICTED", ACQUIRER, NEVER),
    POLICY_REGION_RESTRICTED(Category.POLICY, "REGION_RESTRICTED", ACQUIRER, NEVER),
    POLICY_AMOUNT_OUT_OF_RANGE(Category.POLICY, "AMOUNT_OUT_OF_RANGE", CASHIER, NEVER),
    POLICY_INSTALLMENT_NOT_ALLOWED(Category.POLICY, "INSTALLMENT_NOT_ALLOWED", CASHIER, NEVER),
    POLICY_REGULATORY_LIMIT(Category.POLICY, "REGULATORY_LIMIT", MERCHANT, LATER),
    CONSUMER_ACCOUNT_FROZEN(Category.CONSUMER, "ACCOUNT_FROZEN", CONSUMER, AFTER_FIX),
    CONSUMER_HUABEI_UNAVAILABLE(Category.CONSUMER, "HUABEI_UNAVAILABLE", CONSUMER, AFTER_FIX),
    CONSUMER_INSUFFICIENT_FUNDS(Category.CONSUMER, "INSUFFICIENT_FUNDS", CONSUMER, AFTER_FIX),
    CONSUMER_PAYMENT_CODE_INVALID(Category.CONSUMER, "PAYMENT_CODE_INVALID", CONSUMER, NOW),
    CONSUMER_CONFIRMATION_REQUIRED(Category.CONSUMER, "CONFIRMATION_REQUIRED", CONSUMER, NOW, false),
    CONSUMER_RISK_REJECTED(Category.CONSUMER, "RISK_REJECTED", CONSUMER, AFTER_FIX),
    /** Project addition: the card PIN was wrong (field 39 55). */
    CONSUMER_PIN_INVALID(Category.CONSUMER, "PIN_INVALID", CONSUMER, NOW),
    /** Project addition: the issuer or wallet declined without a more precise reason. */
    CONSUMER_ISSUER_DECLINED(Category.CONSUMER, "ISSUER_DECLINED", CONSUMER, AFTER_FIX),
    /** Project addition: the consumer's own per-payment or daily limit would be passed. */
    CONSUMER_LIMIT_EXCEEDED(Category.CONSUMER, "LIMIT_EXCEEDED", CONSUMER, LATER),
    /** Project addition: the consumer's account lacks the real-name certification the payment needs. */
    CONSUMER_NOT_CERTIFIED(Category.CONSUMER, "NOT_CERTIFIED", CONSUMER, AFTER_FIX),
    /** Project addition: the funding source the consumer chose is not accepted here (e.g. no credit cards). */
    CONSUMER_INSTRUMENT_NOT_ACCEPTED(Category.CONSUMER, "INSTRUMENT_NOT_ACCEPTED", CONSUMER, NOW),
    OPERATION_CODE_METHOD_MISMATCH(Category.OPERATION, "CODE_METHOD_MISMATCH", CASHIER, NOW),
    OPERATION_UNRECOGNIZED_CODE(Category.OPERATION, "UNRECOGNIZED_CODE", CASHIER, NOW),
    OPERATION_INVALID_AMOUNT(Category.OPERATION, "INVALID_AMOUNT", CASHIER, NOW),
    OPERATION_WRONG_TRANSACTION_TYPE(Category.OPERATION, "WRONG_TRANSACTION_TYPE", CASHIER, NOW),
    OPERATION_DUPLICATE_REQUEST(Category.OPERATION, "DUPLICATE_REQUEST", CASHIER, NEVER),
    /** Project addition: the order was already closed or reversed at the channel. */
    OPERATION_TRADE_CLOSED(Category.OPERATION, "TRADE_CLOSED", CASHIER, NOW),
    /** Project addition: a void or refund names a sale this merchant never made. */
    OPERATION_ORIGINAL_NOT_FOUND(Category.OPERATION, "ORIGINAL_NOT_FOUND", CASHIER, AFTER_FIX),
    /** Project addition: a void of a payment that did not succeed, or was already partly refunded. */
    OPERATION_NOT_VOIDABLE(Category.OPERATION, "NOT_VOIDABLE", CASHIER, NEVER),
    /** Project addition: a void of a payment already in a settlement batch (refund it instead). */
    OPERATION_VOID_AFTER_SETTLEMENT(Category.OPERATION, "VOID_AFTER_SETTLEMENT", CASHIER, NEVER),
    /** Project addition: a void after the (China time) day of the payment (refund it instead). */
    OPERATION_VOID_AFTER_PAYMENT_DAY(Category.OPERATION, "VOID_AFTER_PAYMENT_DAY", CASHIER, NEVER),
    /** Project addition: a refund of a payment that is not successful (declined, failed, voided, fully refunded). */
    OPERATION_NOT_REFUNDABLE(Category.OPERATION, "NOT_REFUNDABLE", CASHIER, NEVER),
    /** Project addition: a refund above what is left of the payment. */
    OPERATION_REFUND_ABOVE_REMAINING(Category.OPERATION, "REFUND_ABOVE_REMAINING", CASHIER, AFTER_FIX),
    /** Project addition: a reversal of a void or refund that already gave the money back (it stands). */
    OPERATION_ADJUSTMENT_NOT_REVERSIBLE(Category.OPERATION, "ADJUSTMENT_NOT_REVERSIBLE", CASHIER, NEVER),
    /** Project addition: a reversal of a sale that keeps money (partly refunded, or could not be voided). */
    OPERATION_SALE_NOT_REVERSIBLE(Category.OPERATION, "SALE_NOT_REVERSIBLE", CASHIER, NEVER),
    NETWORK_TERMINAL_OFFLINE(Category.NETWORK, "TERMINAL_OFFLINE", MERCHANT, NOW),
    NETWORK_CHANNEL_TIMEOUT(Category.NETWORK, "CHANNEL_TIMEOUT", CHANNEL, NOW),
    SECURITY_MAC_INVALID(Category.SECURITY, "MAC_INVALID", ACQUIRER, AFTER_FIX),
    SECURITY_SIGNATURE_INVALID(Category.SECURITY, "SIGNATURE_INVALID", ACQUIRER, AFTER_FIX),
    SECURITY_KEY_EXPIRED(Category.SECURITY, "KEY_EXPIRED", ACQUIRER, AFTER_FIX),
    SECURITY_CERTIFICATE_EXPIRED(Category.SECURITY, "CERTIFICATE_EXPIRED", ACQUIRER, AFTER_FIX),
    SECURITY_REPLAY_DETECTED(Category.SECURITY, "REPLAY_DETECTED", ACQUIRER, NEVER);

    private final Category category;
    private final String code;
    private final Actor actor;
    private final Retry retry;
    private final boolean blocking;

    ReasonCode(Category category, String name, Actor actor, Retry retry) {
        this(category, name, actor, retry, true);
    }

    ReasonCode(Category category, String name, Actor actor, Retry retry, boolean blocking) {
        this.category = category;
        this.code = category.name() + "." + name;
        this.actor = actor;
        this.retry = retry;
        this.blocking = blocking;
    }

    /** The public code, e.g. {@code TERMINAL.FIRMWARE_TOO_OLD}. */
    public String code() {
        return code;
    }

    public Category category() {
        return category;
    }

    public Actor actor() {
        return actor;
    }

    public Retry retry() {
        return retry;
    }

    /** False only for warnings, which never stop a payment. */
    public boolean blocking() {
        return blocking;
    }

    /**
     * True for the codes Shoudan adds to the public contract's catalogue (docs/REASONS.md says why each
     * exists): channel answers need them to be told truthfully.
     */
    public boolean projectAddition() {
        return switch (this) {
            case INTEGRATION_REQUEST_REJECTED, INTEGRATION_UNMAPPED_REFUSAL, CONSUMER_PIN_INVALID, CONSUMER_ISSUER_DECLINED,
                 CONSUMER_LIMIT_EXCEEDED, CONSUMER_NOT_CERTIFIED, CONSUMER_INSTRUMENT_NOT_ACCEPTED, OPERATION_TRADE_CLOSED,
                 OPERATION_ORIGINAL_NOT_FOUND, OPERATION_NOT_VOIDABLE, OPERATION_VOID_AFTER_SETTLEMENT,
                 OPERATION_VOID_AFTER_PAYMENT_DAY, OPERATION_NOT_REFUNDABLE, OPERATION_REFUND_ABOVE_REMAINING,
                 OPERATION_ADJUSTMENT_NOT_REVERSIBLE, OPERATION_SALE_NOT_REVERSIBLE -> true;
            default -> false;
        };
    }

    /** Looks a public code up; {@code null} when the catalogue has no such code. */
    public static ReasonCode ofCode(String code) {
        for (ReasonCode candidate : values()) {
            if (candidate.code.equals(code)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return code;
    }
}
