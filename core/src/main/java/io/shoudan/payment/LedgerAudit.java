package io.shoudan.payment;

import io.shoudan.ledger.Journal;
import io.shoudan.ledger.LedgerCheck;
import io.shoudan.ledger.LedgerReport;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the books a payment store holds: every journal, the rows outside any journal, and each
 * merchant's payable against its payments.
 */
public final class LedgerAudit {

    private LedgerAudit() {
    }

    public static LedgerReport check(PaymentStore store) {
        List<Journal> journals = new ArrayList<>();
        store.forEachJournal(journals::add);
        PaymentTotals totals = new PaymentTotals();
        store.forEachPayment(totals::add);
        return new LedgerCheck().check(journals, totals.totals(), store.unattachedLedgerRows());
    }
}
