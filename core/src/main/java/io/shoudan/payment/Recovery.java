package io.shoudan.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes every payment a sale left unresolved through the unknown-outcome protocol, and retries every pending refund
 * with its own refund id: at start-up, and periodically for payments idle long enough.
 */
record Recovery(PaymentStore store, Gateways gateways, InProgress inProgress, UnknownOutcomeResolver resolver,
                Adjustments adjustments, Clock clock) {

    /** See {@link PaymentService#recover(Duration)}. */
    RecoveryReport recover(Duration idleAtLeast) {
        Instant cutoff = clock.instant().minus(idleAtLeast);
        List<SaleOutcome> payments = new ArrayList<>();
        for (Payment payment : store.unresolvedPayments()) {
            if (payment.updatedAt().isAfter(cutoff) || !inProgress.take(payment.id())) {
                continue;
            }
            try {
                recoverPayment(payment).ifPresent(payments::add);
            } finally {
                inProgress.release(payment.id());
            }
        }
        List<AdjustmentOutcome> refunds = new ArrayList<>();
        for (Refund refund : store.pendingRefunds()) {
            if (refund.createdAt().isAfter(cutoff)) {
                continue;
            }
            refunds.add(adjustments.execute(refund));
        }
        return new RecoveryReport(payments, refunds);
    }

    /** Empty when another node holds the payment's claim: it is that node's to settle (or anyone's once the claim expires). */
    private Optional<SaleOutcome> recoverPayment(Payment payment) {
        ChannelGateway gateway = gateways.of(payment);
        if (gateway == null) {
            return Optional.of(SaleOutcome.of(payment));
        }
        return inProgress.whileClaimed(payment, claim -> resolver.asUnknown(payment, "RECOVERY",
                unknown -> resolver.resolve(unknown, gateway, claim, true)));
    }
}
