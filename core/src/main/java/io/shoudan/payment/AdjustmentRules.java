package io.shoudan.payment;

import io.shoudan.reason.Reason;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static io.shoudan.payment.PaymentService.BUSINESS_ZONE;

/**
 * Every refusal of a void or refund, in the order they are checked: the first that refuses answers. Adding one means
 * adding one entry here.
 */
final class AdjustmentRules {

    private AdjustmentRules() {
    }

    private static final EnumSet<RefundKind> BOTH = EnumSet.allOf(RefundKind.class);
    private static final EnumSet<RefundKind> VOID = EnumSet.of(RefundKind.VOID);
    private static final EnumSet<RefundKind> REFUND = EnumSet.of(RefundKind.REFUND);

    static final List<AdjustmentRule> ALL = List.of(
            new AdjustmentRule("amount is positive", BOTH,
                    (request, payment, now) -> !request.amount().isPositive(),
                    (request, payment, now) -> Reason.of(new PaymentRefusal.InvalidAmount(request.amount()))),
            new AdjustmentRule("a void takes an untouched successful payment", VOID,
                    (request, payment, now) -> !payment.state().canBeVoided() || !payment.refunded().isZero() || !payment.refundsPending().isZero(),
                    (request, payment, now) -> Reason.of(new PaymentRefusal.NotVoidable(request.original(), payment.state()))),
            new AdjustmentRule("a void comes before settlement", VOID,
                    (request, payment, now) -> payment.settledAt() != null,
                    (request, payment, now) -> Reason.of(new PaymentRefusal.VoidAfterSettlement(request.original(), payment.settledAt()))),
            new AdjustmentRule("a void comes on the payment's business day", VOID,
                    (request, payment, now) -> !paidOn(payment).equals(today(now)),
                    (request, payment, now) -> Reason.of(new PaymentRefusal.VoidAfterPaymentDay(request.original(), paidOn(payment),
                            today(now)))),
            new AdjustmentRule("a refund takes a successful payment", REFUND,
                    (request, payment, now) -> !payment.state().canBeRefunded(),
                    (request, payment, now) -> Reason.of(payment.state() == PaymentState.REFUNDED
                            // a fully refunded payment has nothing left: any refund is above what is left of it
                            ? new PaymentRefusal.RefundAboveRemaining(request.original(), request.amount(), payment.refundable())
                            : new PaymentRefusal.NotRefundable(request.original(), payment.state()))),
            new AdjustmentRule("a refund stays within what is left", REFUND,
                    (request, payment, now) -> request.amount().isGreaterThan(payment.refundable()),
                    (request, payment, now) -> Reason.of(new PaymentRefusal.RefundAboveRemaining(request.original(), request.amount(),
                            payment.refundable()))));

    /** The reason of the first rule that refuses {@code request} on {@code payment} at {@code now}; empty when none does. */
    static Optional<Reason> firstRefusal(RefundRequest request, Payment payment, Instant now) {
        return firstRefusing(request, payment, now).map(rule -> rule.reason().of(request, payment, now));
    }

    /** The first rule that refuses {@code request} on {@code payment} at {@code now}; empty when none does. */
    static Optional<AdjustmentRule> firstRefusing(RefundRequest request, Payment payment, Instant now) {
        for (AdjustmentRule rule : ALL) {
            if (rule.appliesTo(request.kind()) && rule.refuses().test(request, payment, now)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private static LocalDate paidOn(Payment payment) {
        return payment.succeededAt().atZone(BUSINESS_ZONE).toLocalDate();
    }

    private static LocalDate today(Instant now) {
        return now.atZone(BUSINESS_ZONE).toLocalDate();
    }
}
