package io.shoudan.payment;

import io.shoudan.ledger.Journal;
import io.shoudan.merchant.MerchantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads and versioned writes of payments that the sale, the resolver and the adjustments share. */
final class StoredPayments {

    private final PaymentStore store;

    StoredPayments(PaymentStore store) {
        this.store = store;
    }

    /**
     * Writes a payment change and returns {@code next} itself; when another node changed the payment
     * first, returns what that node stored instead (callers compare by identity to know who won).
     */
    Payment commit(Payment next, List<Journal> journals) {
        return switch (store.updatePayment(next, journals)) {
            case WRITTEN -> next;
            case LOST_RACE -> store.findPayment(next.id()).orElseThrow(() ->
                    new IllegalStateException("payment " + next.id() + " lost a race but is not stored"));
        };
    }

    /** SUCCEEDED with its SALE/FEE journals, or what another node stored first. */
    Payment succeed(Payment payment, ChannelAnswer.Paid paid, Instant now) {
        Payment succeeded = payment.succeeded(now, paid.tradeNo(), paid.fundingSource(), paid.raw());
        return commit(succeeded, Bookkeeping.success(succeeded, now));
    }

    /** FAILED with the channel's reason and raw code, or what another node stored first. */
    Payment fail(Payment payment, ChannelAnswer.Refused refused, Instant now) {
        return commit(payment.failed(now, new Failure(refused.reason(), refused.raw())), List.of());
    }

    /** The payment as stored now ({@code seen} if it has vanished, which a store never lets happen). */
    Payment current(Payment seen) {
        return store.findPayment(seen.id()).orElse(seen);
    }

    /** The payment a request created, as stored; empty when the request id was never used for a sale. */
    Optional<Payment> query(MerchantId merchant, RequestId request) {
        return store.findKey(new IdempotencyKey(merchant, request))
                .filter(record -> record.operation() == Operation.SALE)
                .flatMap(record -> store.findPayment(record.payment()));
    }
}
