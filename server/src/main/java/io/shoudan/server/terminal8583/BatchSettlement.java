package io.shoudan.server.terminal8583;

import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentState;
import io.shoudan.terminal.BatchNo;

import java.util.List;
import java.util.Objects;

/**
 * A terminal's batch settlement 批结算 (0500) and batch upload 批上送 (0320), without the wire: which of a batch's
 * approved transactions count, their totals against the terminal's, and the sales a balanced batch puts into
 * settlement. Each reads the batch once ({@link BatchJournal#sums}, {@link BatchJournal#lines}), whatever its size.
 */
final class BatchSettlement {
    private final BatchJournal journal;
    private final PaymentService payments;

    BatchSettlement(BatchJournal journal, PaymentService payments) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.payments = Objects.requireNonNull(payments, "payments");
    }

    /**
     * Whether an entry counts in the batch's totals: a refund always (a credit); a sale while the money stays taken,
     * refunded since or not (the refund is its own credit); a void never — its sale, voided, no longer counts either.
     */
    static boolean counts(BatchJournal.Kind kind, PaymentState saleState) {
        return switch (kind) {
            case SALE -> saleState != null && saleState.countsInSettlement(); // null: the sale is not in the store
            case REFUND -> true;
            case VOID -> false;
        };
    }

    /** The host's totals of the batch: debits are the sales that count, credits the refunds. */
    SettlementTotals totals(TerminalBinding who, BatchNo batch) {
        long debitFen = 0;
        int debits = 0;
        long creditFen = 0;
        int credits = 0;
        for (BatchJournal.Sum sum : journal.sums(who.terminal(), who.merchant(), batch)) {
            if (!counts(sum.kind(), sum.saleState())) {
                continue;
            }
            if (sum.kind() == BatchJournal.Kind.SALE) {
                debitFen += sum.amount().fen();
                debits += sum.count();
            } else {
                creditFen += sum.amount().fen();
                credits += sum.count();
            }
        }
        return SettlementTotals.domestic(debitFen, debits, creditFen, credits);
    }

    /**
     * Compares the terminal's totals with the host's. A balanced batch puts its sales into settlement: each sale whose
     * money was taken and that is not settled yet is marked settled (voids are no longer possible, refunds are).
     *
     * @return true when balanced 对账平
     */
    boolean settle(TerminalBinding who, BatchNo batch, SettlementTotals theirs) {
        boolean balanced = totals(who, batch).sameTotalsAs(theirs);
        if (balanced) {
            for (BatchJournal.Line line : journal.lines(who.terminal(), who.merchant(), batch)) {
                if (line.entry().kind() == BatchJournal.Kind.SALE && line.sale() != null && !line.settled()
                        && line.saleState().wasCaptured()) {
                    payments.markSettled(line.sale());
                }
            }
        }
        return balanced;
    }

    /** True when every uploaded transaction is one that counts in the batch, with the same trace and amount. */
    boolean uploadMatches(TerminalBinding who, BatchNo batch, List<SettlementTotals.Uploaded> uploaded) {
        List<BatchJournal.Entry> counted = journal.lines(who.terminal(), who.merchant(), batch).stream()
                .filter(line -> counts(line.entry().kind(), line.saleState()))
                .map(BatchJournal.Line::entry)
                .toList();
        return uploaded.stream().allMatch(u -> counted.stream()
                .anyMatch(e -> e.trace().equals(u.trace()) && e.amount().equals(u.amount())));
    }
}
