package io.shoudan.ledger;

import io.shoudan.merchant.MerchantId;
import io.shoudan.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * One money movement in double entry. Its postings sum to zero — checked here, on construction, so an
 * unbalanced journal cannot exist in memory, whether built by the payment service or read back from a
 * store. A journal belongs to one merchant (the store's distribution key) and touches no other
 * merchant's payable.
 *
 * @param payment    the payment the movement belongs to
 * @param adjustment the refund or void record, for kinds that {@link JournalKind#needsAdjustment() need one}; else {@code null}
 */
public record Journal(
        JournalId id,
        JournalKind kind,
        MerchantId merchant,
        TransactionRef payment,
        TransactionRef adjustment,
        Instant postedAt,
        List<Posting> postings) {

    public Journal {
        if (id == null || kind == null || merchant == null || payment == null || postedAt == null || postings == null) {
            throw new IllegalArgumentException("a journal needs id, kind, merchant, payment, postedAt and postings");
        }
        if (kind.needsAdjustment() != (adjustment != null)) {
            throw new IllegalArgumentException("journal " + id + ": a " + kind + " journal "
                    + (kind.needsAdjustment() ? "needs" : "has no") + " refund/void record");
        }
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new IllegalArgumentException("journal " + id + " needs at least two postings, has " + postings.size());
        }
        long sumFen = 0;
        for (Posting posting : postings) {
            sumFen = Math.addExact(sumFen, posting.amount().fen());
            if (posting.account() instanceof Account.MerchantPayable payable && !payable.merchant().equals(merchant)) {
                throw new IllegalArgumentException("journal " + id + " of merchant " + merchant
                        + " posts to another merchant's payable: " + payable.code());
            }
        }
        if (sumFen != 0) {
            throw new IllegalArgumentException("journal " + id + " does not balance: its postings sum to "
                    + Money.ofFen(sumFen) + " instead of 0.00");
        }
    }

    /** The journal's net effect on {@code account}: zero when it does not touch it. */
    public Money on(Account account) {
        Money total = Money.ZERO;
        for (Posting posting : postings) {
            if (posting.account().equals(account)) {
                total = total.plus(posting.amount());
            }
        }
        return total;
    }
}
