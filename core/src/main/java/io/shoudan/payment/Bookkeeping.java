package io.shoudan.payment;

import io.shoudan.fee.FeeSplit;
import io.shoudan.ledger.Account;
import io.shoudan.ledger.Journal;
import io.shoudan.ledger.JournalId;
import io.shoudan.ledger.JournalKind;
import io.shoudan.ledger.Posting;
import io.shoudan.money.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The journals each money movement of a payment produces. Accounts: the merchant's payable (what we
 * owe it), the channel's receivable (what the channel owes us), fee income.
 *
 * <pre>
 * SALE        Dr channel receivable  amount       Cr merchant payable   amount
 * FEE         Dr merchant payable    fee total    Cr fee income         acquirer fee
 *                                                 Cr channel receivable installment fee the merchant bears (Huabei withholds it)
 * REFUND/VOID Dr merchant payable    amount       Cr channel receivable amount
 * FEE_RETURN  Dr fee income / channel receivable  Cr merchant payable   the fee given back
 * REVERSAL    Dr merchant payable    amount       Cr channel receivable amount   (booked after a SALE, only when a
 *                                                                              cancel gave back money the channel had taken)
 * </pre>
 */
final class Bookkeeping {

    private Bookkeeping() {
    }

    /** SALE and, when there is a fee, FEE. */
    static List<Journal> success(Payment payment, Instant at) {
        List<Journal> journals = new ArrayList<>(2);
        journals.add(sale(payment, at));
        FeeSplit fee = payment.fee().charged();
        if (!fee.isZero()) {
            List<Posting> postings = new ArrayList<>(3);
            postings.add(Posting.debit(payable(payment), fee.total()));
            if (fee.acquirer().isPositive()) {
                postings.add(Posting.credit(Account.FEE_INCOME, fee.acquirer()));
            }
            if (fee.installment().isPositive()) {
                postings.add(Posting.credit(receivable(payment), fee.installment()));
            }
            journals.add(journal(payment, null, JournalKind.FEE, at, postings));
        }
        return journals;
    }

    /** For a payment reversed after the channel had taken the money: SALE and REVERSAL, netting to nothing. */
    static List<Journal> reversalOfTakenMoney(Payment payment, Instant at) {
        return List.of(sale(payment, at), journal(payment, null, JournalKind.REVERSAL, at, List.of(
                Posting.debit(payable(payment), payment.amount()),
                Posting.credit(receivable(payment), payment.amount()))));
    }

    /** REFUND or VOID and, when fee comes back, FEE_RETURN. */
    static List<Journal> refund(Payment payment, Refund refund, FeeSplit feeReturned, Instant at) {
        List<Journal> journals = new ArrayList<>(2);
        JournalKind kind = refund.kind() == RefundKind.VOID ? JournalKind.VOID : JournalKind.REFUND;
        journals.add(journal(payment, refund, kind, at, List.of(
                Posting.debit(payable(payment), refund.amount()),
                Posting.credit(receivable(payment), refund.amount()))));
        if (!feeReturned.isZero()) {
            List<Posting> postings = new ArrayList<>(3);
            if (feeReturned.acquirer().isPositive()) {
                postings.add(Posting.debit(Account.FEE_INCOME, feeReturned.acquirer()));
            }
            if (feeReturned.installment().isPositive()) {
                postings.add(Posting.debit(receivable(payment), feeReturned.installment()));
            }
            postings.add(Posting.credit(payable(payment), feeReturned.total()));
            journals.add(journal(payment, refund, JournalKind.FEE_RETURN, at, postings));
        }
        return journals;
    }

    private static Journal sale(Payment payment, Instant at) {
        Money amount = payment.amount();
        return journal(payment, null, JournalKind.SALE, at, List.of(
                Posting.debit(receivable(payment), amount),
                Posting.credit(payable(payment), amount)));
    }

    private static Journal journal(Payment payment, Refund refund, JournalKind kind, Instant at, List<Posting> postings) {
        JournalId id = JournalId.of(refund == null ? payment.id() : refund.id(), kind);
        return new Journal(id, kind, payment.merchant(), payment.id(), refund == null ? null : refund.id(), at, postings);
    }

    private static Account payable(Payment payment) {
        return new Account.MerchantPayable(payment.merchant());
    }

    private static Account receivable(Payment payment) {
        return new Account.ChannelReceivable(payment.request().method().channel());
    }
}
