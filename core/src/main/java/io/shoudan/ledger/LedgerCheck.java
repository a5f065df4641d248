package io.shoudan.ledger;

import io.shoudan.merchant.MerchantId;
import io.shoudan.money.Money;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verifies every ledger invariant over a set of journals and says what it checked. Journals cannot be
 * built unbalanced, but a check must not trust that: it re-adds every journal, because the journals it
 * reads may come from a store written by other code.
 *
 * <p>Invariants, in order: each journal sums to zero; journal ids are unique; every stored posting
 * belongs to a journal and every journal has postings (when the store reports its rows); each payment is booked
 * at most once per kind (one SALE, one FEE, one REVERSAL) and each refund/void record at most once;
 * nothing is returned or fee-returned without a sale and fee to return from, and never more than
 * them; all accounts together sum to zero; each merchant's payable equals sales − returned − fees by
 * journal kind; and, when the payment records' totals are given, the payable equals those too.
 */
public final class LedgerCheck {

    /** How many examples a failed invariant quotes. */
    private static final int EXAMPLES_MAX = 5;

    public LedgerReport check(Collection<Journal> journals) {
        return check(journals, null);
    }

    /** @param expected per-merchant totals from the payment records; {@code null} to skip that comparison */
    public LedgerReport check(Collection<Journal> journals, Collection<MerchantTotals> expected) {
        return check(journals, expected, null);
    }

    /**
     * @param unattached rows a store holds outside any journal (postings whose journal is missing,
     *                   journals without postings), which the journals it streams cannot show; a few
     *                   examples suffice. {@code null} to skip that check (journals given as objects
     *                   cannot have any)
     */
    public LedgerReport check(Collection<Journal> journals, Collection<MerchantTotals> expected, List<String> unattached) {
        List<LedgerReport.Finding> findings = new ArrayList<>();
        int postings = 0;
        Set<Account> accounts = new HashSet<>();
        List<String> unbalanced = new ArrayList<>();
        Set<JournalId> ids = new HashSet<>();
        List<String> duplicateIds = new ArrayList<>();
        Map<Account, Long> balanceFen = new HashMap<>();
        Map<String, EnumMap<JournalKind, Integer>> countsByPayment = new TreeMap<>();
        Map<String, EnumMap<JournalKind, Long>> sizeByPayment = new TreeMap<>();
        Map<String, EnumMap<JournalKind, Integer>> countsByAdjustment = new TreeMap<>();
        Map<MerchantId, long[]> kindsByMerchant = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));

        for (Journal journal : journals) {
            long sumFen = 0;
            long debitsFen = 0;
            for (Posting posting : journal.postings()) {
                postings++;
                accounts.add(posting.account());
                long fen = posting.amount().fen();
                sumFen += fen;
                debitsFen += Math.max(fen, 0);
                balanceFen.merge(posting.account(), fen, Long::sum);
            }
            if (sumFen != 0) {
                example(unbalanced, journal.id() + " sums to " + Money.ofFen(sumFen));
            }
            if (!ids.add(journal.id())) {
                example(duplicateIds, journal.id().value());
            }
            String payment = journal.payment().value();
            countsByPayment.computeIfAbsent(payment, p -> new EnumMap<>(JournalKind.class)).merge(journal.kind(), 1, Integer::sum);
            sizeByPayment.computeIfAbsent(payment, p -> new EnumMap<>(JournalKind.class)).merge(journal.kind(), debitsFen, Long::sum);
            if (journal.adjustment() != null) {
                countsByAdjustment.computeIfAbsent(journal.adjustment().value(), a -> new EnumMap<>(JournalKind.class))
                        .merge(journal.kind(), 1, Integer::sum);
            }
            long[] kinds = kindsByMerchant.computeIfAbsent(journal.merchant(), m -> new long[JournalKind.values().length]);
            kinds[journal.kind().ordinal()] += debitsFen;
        }

        findings.add(finding("every journal sums to zero 每笔分录借贷平衡", unbalanced, journals.size() + " journals re-added"));
        findings.add(finding("journal ids are unique 分录编号唯一", duplicateIds, ids.size() + " distinct ids"));
        if (unattached != null) {
            List<String> examples = new ArrayList<>();
            unattached.forEach(row -> example(examples, row));
            findings.add(finding("every posting is in a journal, every journal has postings 记账行都属于分录", examples,
                    "no posting without its journal, no journal without postings"));
        }
        findings.add(bookedOnce(countsByPayment, countsByAdjustment));
        findings.add(returnsCovered(sizeByPayment));
        long totalFen = balanceFen.values().stream().mapToLong(Long::longValue).sum();
        findings.add(new LedgerReport.Finding("all accounts sum to zero 试算平衡", totalFen == 0,
                totalFen == 0 ? accounts.size() + " account balances add up to 0.00" : "they add up to " + Money.ofFen(totalFen)));

        Map<MerchantId, MerchantTotals> expectedByMerchant = new HashMap<>();
        if (expected != null) {
            for (MerchantTotals totals : expected) {
                expectedByMerchant.put(totals.merchant(), totals);
                kindsByMerchant.computeIfAbsent(totals.merchant(), m -> new long[JournalKind.values().length]);
            }
        }
        List<MerchantBalance> merchants = new ArrayList<>();
        List<String> kindMismatches = new ArrayList<>();
        List<String> recordMismatches = new ArrayList<>();
        for (Map.Entry<MerchantId, long[]> entry : kindsByMerchant.entrySet()) {
            MerchantId merchant = entry.getKey();
            long[] kinds = entry.getValue();
            Money payable = Money.ofFen(-balanceFen.getOrDefault(new Account.MerchantPayable(merchant), 0L));
            Money sales = Money.ofFen(kinds[JournalKind.SALE.ordinal()] - kinds[JournalKind.REVERSAL.ordinal()]);
            Money returned = Money.ofFen(kinds[JournalKind.REFUND.ordinal()] + kinds[JournalKind.VOID.ordinal()]);
            Money fees = Money.ofFen(kinds[JournalKind.FEE.ordinal()] - kinds[JournalKind.FEE_RETURN.ordinal()]);
            MerchantTotals totals = expectedByMerchant.get(merchant);
            Money expectedPayable = totals == null ? (expected == null ? null : Money.ZERO) : totals.expectedPayable();
            MerchantBalance balance = new MerchantBalance(merchant, payable, sales, returned, fees, expectedPayable);
            merchants.add(balance);
            if (!payable.equals(balance.fromKinds())) {
                example(kindMismatches, merchant + " payable " + payable + " but journals say " + balance.fromKinds());
            }
            if (expectedPayable != null && !payable.equals(expectedPayable)) {
                example(recordMismatches, merchant + " payable " + payable + " but payments say " + expectedPayable
                        + (totals == null ? " (no payments)" : " = " + totals.succeeded() + " − " + totals.refunded() + " − " + totals.fees()));
            }
        }
        findings.add(finding("merchant payable = sales − returned − fees 商户应付 = 交易 − 退款 − 手续费",
                kindMismatches, merchants.size() + " merchants"));
        if (expected != null) {
            findings.add(finding("merchant payable = payment records 商户应付与交易记录一致", recordMismatches,
                    expectedByMerchant.size() + " merchants' payment totals compared"));
        }
        return new LedgerReport(journals.size(), postings, accounts.size(), findings, merchants);
    }

    private static LedgerReport.Finding bookedOnce(Map<String, EnumMap<JournalKind, Integer>> byPayment,
                                                   Map<String, EnumMap<JournalKind, Integer>> byAdjustment) {
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, EnumMap<JournalKind, Integer>> entry : byPayment.entrySet()) {
            for (JournalKind kind : List.of(JournalKind.SALE, JournalKind.FEE, JournalKind.REVERSAL)) {
                int count = entry.getValue().getOrDefault(kind, 0);
                if (count > 1) {
                    example(examples, "payment " + entry.getKey() + " has " + count + " " + kind + " journals");
                }
            }
        }
        for (Map.Entry<String, EnumMap<JournalKind, Integer>> entry : byAdjustment.entrySet()) {
            for (Map.Entry<JournalKind, Integer> kind : entry.getValue().entrySet()) {
                if (kind.getValue() > 1) {
                    example(examples, "refund/void " + entry.getKey() + " has " + kind.getValue() + " " + kind.getKey() + " journals");
                }
            }
        }
        return finding("each movement booked once 每笔资金变动只记一次", examples,
                byPayment.size() + " payments, " + byAdjustment.size() + " refunds/voids");
    }

    private static LedgerReport.Finding returnsCovered(Map<String, EnumMap<JournalKind, Long>> sizeByPayment) {
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, EnumMap<JournalKind, Long>> entry : sizeByPayment.entrySet()) {
            Map<JournalKind, Long> size = entry.getValue();
            long saleFen = size.getOrDefault(JournalKind.SALE, 0L);
            long returnedFen = size.getOrDefault(JournalKind.REFUND, 0L) + size.getOrDefault(JournalKind.VOID, 0L)
                    + size.getOrDefault(JournalKind.REVERSAL, 0L);
            long feeFen = size.getOrDefault(JournalKind.FEE, 0L);
            long feeReturnedFen = size.getOrDefault(JournalKind.FEE_RETURN, 0L);
            if (returnedFen > saleFen) {
                example(examples, "payment " + entry.getKey() + " returned " + Money.ofFen(returnedFen) + " of " + Money.ofFen(saleFen));
            }
            if (feeReturnedFen > feeFen) {
                example(examples, "payment " + entry.getKey() + " fee returned " + Money.ofFen(feeReturnedFen) + " of " + Money.ofFen(feeFen));
            }
            if (feeFen > saleFen) {
                example(examples, "payment " + entry.getKey() + " fee " + Money.ofFen(feeFen) + " above its sale " + Money.ofFen(saleFen));
            }
        }
        return finding("nothing returned beyond what was taken 退款不超过原交易", examples, sizeByPayment.size() + " payments");
    }

    private static LedgerReport.Finding finding(String invariant, List<String> examples, String whenHeld) {
        return examples.isEmpty()
                ? new LedgerReport.Finding(invariant, true, whenHeld)
                : new LedgerReport.Finding(invariant, false, String.join("; ", examples));
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < EXAMPLES_MAX) {
            examples.add(example);
        } else if (examples.size() == EXAMPLES_MAX) {
            examples.add("…");
        }
    }
}
