package io.shoudan.server.terminal8583;

import io.shoudan.money.Money;
import io.shoudan.merchant.MerchantId;
import io.shoudan.payment.AdjustmentReversal;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentRefusal;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.SaleOutcome;
import io.shoudan.reason.Reason;

import java.util.Objects;

/**
 * A terminal's reversal 冲正 (0400) of the sale, void or refund whose answer it did not get, decided without the wire.
 * The reversal carries the original's own batch and trace, so its request id is the original's. A sale is reversed
 * ({@link PaymentService#reverse}: cancelled, voided, or noted before it arrives); a void or refund is not undone
 * ({@link PaymentService#reverseAdjustment}; docs/ISO8583.md "Reversals").
 */
final class TerminalReversals {

    /** What the terminal is told. */
    sealed interface Verdict {
        /** No money stays taken by the original (or it never arrived and now never will be carried out): {@code 00}. */
        record NothingStaysTaken() implements Verdict {
        }

        /** Refused with its reason: money stays taken or went back for good, or the outcome is not known yet. */
        record Refused(Reason reason) implements Verdict {
            public Refused {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    private static final Verdict NOTHING_STAYS_TAKEN = new Verdict.NothingStaysTaken();

    private final PaymentService payments;

    TerminalReversals(PaymentService payments) {
        this.payments = Objects.requireNonNull(payments, "payments");
    }

    Verdict reverse(MerchantId merchant, BatchJournal.Kind reversed, RequestId.Terminal original, Money amount) {
        return reversed == BatchJournal.Kind.SALE
                ? saleReversal(payments.reverse(merchant, original, original.reversal(), amount))
                : adjustmentReversal(payments.reverseAdjustment(merchant, original, original.reversal(), amount));
    }

    private static Verdict saleReversal(SaleOutcome outcome) {
        return switch (outcome) {
            // The sale never arrived: nothing was taken, and it will not be when it does (as UnionPay hosts answer).
            case SaleOutcome.ReversedBeforeArrival early -> NOTHING_STAYS_TAKEN;
            case SaleOutcome.Rejected rej -> new Verdict.Refused(rej.reasons().get(0));
            case SaleOutcome.StillUnknown u -> new Verdict.Refused(
                    Reason.of(new HostRefusal.StillOpen(u.payment().request().method().channel(), u.payment().state())));
            case SaleOutcome.Succeeded s -> reversedOrKept(s.payment());
            case SaleOutcome.Failed f -> reversedOrKept(f.payment());
            case SaleOutcome.Declined d -> reversedOrKept(d.payment());
            case SaleOutcome.Reversed r -> reversedOrKept(r.payment());
        };
    }

    /** Approved once no money stays taken by the sale; otherwise the sale could not be voided and the reversal is refused. */
    private static Verdict reversedOrKept(Payment p) {
        return p.state().holdsMoney()
                ? new Verdict.Refused(Reason.of(new PaymentRefusal.SaleNotReversible(p.id(), p.state())))
                : NOTHING_STAYS_TAKEN;
    }

    /**
     * A reversal of a void or refund: approved when nothing was given back (or it had not arrived, and now will not
     * be carried out); refused with the reason when the money went back — it stays back, the void or refund stands.
     */
    private static Verdict adjustmentReversal(AdjustmentReversal answer) {
        return switch (answer) {
            case AdjustmentReversal.NothingGivenBack nothing -> NOTHING_STAYS_TAKEN;
            case AdjustmentReversal.ReversedBeforeArrival early -> NOTHING_STAYS_TAKEN;
            case AdjustmentReversal.StillPending p -> new Verdict.Refused(
                    Reason.of(new HostRefusal.StillOpen(p.payment().request().method().channel(), "PENDING")));
            case AdjustmentReversal.Refused refused -> new Verdict.Refused(refused.reasons().get(0));
        };
    }
}
