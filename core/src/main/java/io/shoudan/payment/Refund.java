package io.shoudan.payment;

import io.shoudan.fee.FeeSplit;
import io.shoudan.merchant.MerchantId;
import io.shoudan.money.Money;

import java.time.Instant;
import java.util.Optional;

/**
 * A refund or void of a payment: one record per request, immutable, {@code version + 1} per change
 * like {@link Payment}. Its id is the {@code out_request_no} the channel sees on every retry, so a
 * retried refund is never paid twice.
 *
 * @param original    the request id of the payment refunded (the merchant's {@code out_trade_no})
 * @param feeReturned the fee given back, fixed when the refund succeeds; {@link FeeSplit#NONE} before
 * @param failure     FAILED: the channel's refusal
 */
public record Refund(
        RefundId id,
        PaymentId payment,
        MerchantId merchant,
        RequestId request,
        RequestId original,
        RefundKind kind,
        Money amount,
        RefundStatus status,
        long version,
        FeeSplit feeReturned,
        RawCode raw,
        Failure failure,
        Instant createdAt,
        Instant completedAt) {

    public Refund {
        if (id == null || payment == null || merchant == null || request == null || original == null || kind == null
                || amount == null || status == null || feeReturned == null || createdAt == null) {
            throw new IllegalArgumentException("a refund needs id, payment, merchant, request ids, kind, amount, status and createdAt");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a refund amount must be positive, got " + amount);
        }
        if (version < 1) {
            throw new IllegalArgumentException("refund versions start at 1, got " + version);
        }
        if (status == RefundStatus.FAILED && failure == null) {
            throw new IllegalArgumentException("a failed refund needs the channel's refusal");
        }
        if ((status == RefundStatus.PENDING) != (completedAt == null)) {
            throw new IllegalArgumentException("completedAt is set exactly when the refund is no longer pending");
        }
    }

    public static Refund pending(RefundId id, Payment payment, RequestId request, RefundKind kind, Money amount, Instant now) {
        return new Refund(id, payment.id(), payment.merchant(), request, payment.request().request(), kind, amount,
                RefundStatus.PENDING, 1, FeeSplit.NONE, null, null, now, null);
    }

    public Refund succeeded(FeeSplit feeReturnedNow, RawCode answer, Instant now) {
        return new Refund(id, payment, merchant, request, original, kind, amount, status.requireMove(RefundStatus.SUCCEEDED),
                version + 1, feeReturnedNow, answer, null, createdAt, now);
    }

    public Refund failed(Failure why, Instant now) {
        return new Refund(id, payment, merchant, request, original, kind, amount, status.requireMove(RefundStatus.FAILED),
                version + 1, feeReturned, why.raw(), why, createdAt, now);
    }

    /** A pending refund that was retried and is still unknown: only the last raw code changes. */
    public Refund stillPending(RawCode answer) {
        return new Refund(id, payment, merchant, request, original, kind, amount, status, version + 1, feeReturned, answer,
                failure, createdAt, completedAt);
    }

    /** The first field in which a retried request differs from this record's, if any. */
    public Optional<String> firstDifference(RefundKind retryKind, RequestId retryOriginal, Money retryAmount) {
        if (kind != retryKind) {
            return Optional.of("operation");
        }
        if (!original.equals(retryOriginal)) {
            return Optional.of("original");
        }
        if (!amount.equals(retryAmount)) {
            return Optional.of("amount");
        }
        return Optional.empty();
    }
}
