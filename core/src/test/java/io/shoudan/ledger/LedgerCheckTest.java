package io.shoudan.ledger;

import io.shoudan.merchant.MerchantId;
import io.shoudan.method.Channel;
import io.shoudan.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerCheckTest {

    private static final MerchantId M = new MerchantId("M1");
    private static final Account PAYABLE = new Account.MerchantPayable(M);
    private static final Account ALIPAY = new Account.ChannelReceivable(Channel.ALIPAY);
    private static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");

    record Ref(String value) implements TransactionRef {
    }

    private static Journal journal(String payment, String adjustment, JournalKind kind, Posting... postings) {
        TransactionRef source = adjustment == null ? new Ref(payment) : new Ref(adjustment);
        return new Journal(JournalId.of(source, kind), kind, M, new Ref(payment), adjustment == null ? null : new Ref(adjustment), AT, List.of(postings));
    }

    private static Journal sale(String payment, String amount) {
        return journal(payment, null, JournalKind.SALE, Posting.debit(ALIPAY, Money.parse(amount)), Posting.credit(PAYABLE, Money.parse(amount)));
    }

    private static Journal fee(String payment, String amount) {
        return journal(payment, null, JournalKind.FEE, Posting.debit(PAYABLE, Money.parse(amount)), Posting.credit(Account.FEE_INCOME, Money.parse(amount)));
    }

    private static Journal refund(String payment, String refund, String amount) {
        return journal(payment, refund, JournalKind.REFUND, Posting.debit(PAYABLE, Money.parse(amount)), Posting.credit(ALIPAY, Money.parse(amount)));
    }

    @Test
    void aJournalThatDoesNotSumToZeroCannotBeMade() {
        assertThatThrownBy(() -> journal("P1", null, JournalKind.SALE,
                Posting.debit(ALIPAY, Money.parse("100.00")), Posting.credit(PAYABLE, Money.parse("99.99"))))
                .hasMessageContaining("does not balance").hasMessageContaining("0.01");
    }

    @Test
    void aJournalTouchesOnlyItsOwnMerchantsPayable() {
        assertThatThrownBy(() -> journal("P1", null, JournalKind.SALE, Posting.debit(ALIPAY, Money.parse("1.00")),
                Posting.credit(new Account.MerchantPayable(new MerchantId("M2")), Money.parse("1.00"))))
                .hasMessageContaining("another merchant's payable");
    }

    @Test
    void aRefundJournalNeedsItsRefundRecordAndASaleJournalMustNotHaveOne() {
        assertThatThrownBy(() -> journal("P1", null, JournalKind.REFUND, Posting.debit(PAYABLE, Money.parse("1.00")), Posting.credit(ALIPAY, Money.parse("1.00"))))
                .hasMessageContaining("needs refund/void record");
        assertThatThrownBy(() -> journal("P1", "R1", JournalKind.SALE, Posting.debit(ALIPAY, Money.parse("1.00")), Posting.credit(PAYABLE, Money.parse("1.00"))))
                .hasMessageContaining("has no refund/void record");
    }

    @Test
    void rowsAStoreHoldsOutsideAnyJournalFailTheCheckAndAreQuotedAtMostFive() {
        List<String> unattached = List.of("posting M1/J9#1 has no journal", "posting M1/J9#2 has no journal",
                "posting M1/J9#3 has no journal", "posting M1/J9#4 has no journal", "posting M1/J9#5 has no journal",
                "journal M1/J8 has no postings");

        LedgerReport clean = new LedgerCheck().check(List.of(sale("P1", "100.00")), null, List.of());
        LedgerReport broken = new LedgerCheck().check(List.of(sale("P1", "100.00")), null, unattached);

        assertThat(clean.passed()).isTrue();
        assertThat(clean.findings()).extracting(LedgerReport.Finding::detail)
                .contains("no posting without its journal, no journal without postings");
        assertThat(broken.passed()).isFalse();
        assertThat(broken.findings()).filteredOn(finding -> !finding.held()).singleElement()
                .extracting(LedgerReport.Finding::detail).asString()
                .contains("posting M1/J9#1 has no journal", "posting M1/J9#5 has no journal", "…")
                .doesNotContain("J8");
    }

    @Test
    void aSoundLedgerPassesAndSaysWhatWasChecked() {
        List<Journal> journals = List.of(sale("P1", "100.00"), fee("P1", "0.38"), refund("P1", "R1", "40.00"), sale("P2", "20.00"));
        LedgerReport report = new LedgerCheck().check(journals,
                List.of(new MerchantTotals(M, Money.parse("120.00"), Money.parse("40.00"), Money.parse("0.38"))));
        assertThat(report.passed()).isTrue();
        assertThat(report.journals()).isEqualTo(4);
        assertThat(report.postings()).isEqualTo(8);
        assertThat(report.accounts()).isEqualTo(3);
        assertThat(report.merchants()).singleElement().satisfies(balance -> {
            assertThat(balance.payable()).isEqualTo(Money.parse("79.62"));
            assertThat(balance.sales()).isEqualTo(Money.parse("120.00"));
            assertThat(balance.returned()).isEqualTo(Money.parse("40.00"));
            assertThat(balance.fees()).isEqualTo(Money.parse("0.38"));
        });
        assertThat(report.lines()).first().asString().contains("PASSED");
        assertThat(report.lines()).anySatisfy(line -> assertThat(line).contains("checked 4 journals").contains("8 postings").contains("3 accounts"));
        assertThat(report.lines()).anySatisfy(line -> assertThat(line).contains("M1").contains("79.62"));
    }

    @Test
    void aPaymentBookedTwiceIsFound() {
        Journal once = sale("P1", "100.00");
        LedgerReport report = new LedgerCheck().check(List.of(once, once));
        assertThat(report.passed()).isFalse();
        assertThat(report.violations()).extracting(LedgerReport.Finding::invariant)
                .anySatisfy(invariant -> assertThat(invariant).contains("ids are unique"))
                .anySatisfy(invariant -> assertThat(invariant).contains("booked once"));
    }

    @Test
    void refundsBeyondTheSaleAreFound() {
        LedgerReport report = new LedgerCheck().check(List.of(sale("P1", "10.00"), refund("P1", "R1", "6.00"), refund("P1", "R2", "4.01")));
        assertThat(report.violations()).singleElement().satisfies(finding ->
                assertThat(finding.detail()).contains("P1 returned 10.01 of 10.00"));
    }

    @Test
    void aPayableThatDisagreesWithThePaymentRecordsIsFound() {
        LedgerReport report = new LedgerCheck().check(List.of(sale("P1", "100.00"), fee("P1", "0.38")),
                List.of(new MerchantTotals(M, Money.parse("100.00"), Money.ZERO, Money.parse("0.40"))));
        assertThat(report.passed()).isFalse();
        assertThat(report.violations()).singleElement().satisfies(finding -> {
            assertThat(finding.invariant()).contains("payment records");
            assertThat(finding.detail()).contains("payable 99.62 but payments say 99.60");
        });
    }

    @Test
    void aMerchantWithJournalsButNoPaymentsIsFound() {
        LedgerReport report = new LedgerCheck().check(List.of(sale("P1", "1.00")), List.of());
        assertThat(report.passed()).isFalse();
        assertThat(report.lines()).anySatisfy(line -> assertThat(line).contains("FAIL").contains("(no payments)"));
    }

    @Test
    void accountsRoundTripThroughTheirCodes() {
        for (Account account : List.of(PAYABLE, ALIPAY, Account.FEE_INCOME)) {
            assertThat(Account.parse(account.code())).isEqualTo(account);
        }
        assertThatThrownBy(() -> Account.parse("cash")).hasMessageContaining("not a ledger account");
    }
}
