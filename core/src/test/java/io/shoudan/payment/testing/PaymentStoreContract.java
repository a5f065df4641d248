package io.shoudan.payment.testing;

import io.shoudan.fee.FeeQuote;
import io.shoudan.fee.FeeSplit;
import io.shoudan.fee.RateCardId;
import io.shoudan.ledger.Account;
import io.shoudan.ledger.Journal;
import io.shoudan.ledger.JournalId;
import io.shoudan.ledger.JournalKind;
import io.shoudan.ledger.Posting;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.ChannelTradeNo;
import io.shoudan.payment.EarlyReversal;
import io.shoudan.payment.FundingSource;
import io.shoudan.payment.IdempotencyKey;
import io.shoudan.payment.Operation;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentId;
import io.shoudan.payment.PaymentStore;
import io.shoudan.payment.RawCode;
import io.shoudan.payment.Refund;
import io.shoudan.payment.RefundId;
import io.shoudan.payment.RefundInsertion;
import io.shoudan.payment.RefundKind;
import io.shoudan.payment.RefundStatus;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.VersionedWrite;
import io.shoudan.payment.SaleRequest;
import io.shoudan.terminal.BatchNo;
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TraceNo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link PaymentStore} contract as tests. Every implementation extends this with its own
 * {@link #newStore()} — the in-memory store here, the jOOQ store on H2 and PostgreSQL in the
 * {@code store} module (once core's test classes are published as a test-jar).
 */
public abstract class PaymentStoreContract {

    protected static final Instant NOW = PaymentWorld.START;
    protected PaymentStore store;

    protected abstract PaymentStore newStore();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    protected static Payment processing(String id, String request) {
        return Payment.processing(new PaymentId(id), PaymentWorld.sale(request, PaymentMethod.ALIPAY, "10.00"), NOW, List.of(),
                new FeeQuote(new RateCardId("RC"), 1, Money.parse("10.00"), new FeeSplit(Money.parse("0.04"), Money.ZERO), Money.ZERO));
    }

    protected static Payment succeeded(Payment processing) {
        return processing.succeeded(NOW, new ChannelTradeNo("T-" + processing.id()), FundingSource.WALLET_BALANCE, new RawCode("10000"));
    }

    protected static Journal sale(Payment payment) {
        return new Journal(JournalId.of(payment.id(), JournalKind.SALE), JournalKind.SALE, payment.merchant(), payment.id(), null, NOW,
                List.of(Posting.debit(new Account.ChannelReceivable(Channel.ALIPAY), payment.amount()),
                        Posting.credit(new Account.MerchantPayable(payment.merchant()), payment.amount())));
    }

    private List<Journal> journals() {
        List<Journal> journals = new ArrayList<>();
        store.forEachJournal(journals::add);
        return journals;
    }

    @Test
    void anEarlyReversalHoldsItsSalesKeyUntilTheLateSaleTakesItOver() {
        RequestId.Terminal original = new RequestId.Terminal(new TerminalId("12345678"), new BatchNo(3), new TraceNo(999_999));
        IdempotencyKey key = new IdempotencyKey(PaymentWorld.MERCHANT, original);
        EarlyReversal note = new EarlyReversal(key, original.reversal(), Money.parse("10.00"), NOW);

        assertThat(store.noteEarlyReversal(note)).isEmpty();
        assertThat(store.noteEarlyReversal(note)).as("the same reversal again").hasValueSatisfying(taken -> {
            assertThat(taken.operation()).isEqualTo(Operation.REVERSAL);
            assertThat(taken.payment()).isNull();
        });
        assertThat(store.findEarlyReversal(key)).contains(note);

        Payment base = processing("P1", "any");
        Payment late = Payment.reversedOnArrival(base.id(), new SaleRequest(base.merchant(), base.request().terminal(), original,
                base.request().method(), base.amount(), base.request().installments(), base.request().instrument()), NOW, List.of(), base.fee());
        assertThat(store.insertPayment(late)).as("a plain insert finds the key held").hasValueSatisfying(taken ->
                assertThat(taken.operation()).isEqualTo(Operation.REVERSAL));
        assertThat(store.insertInPlaceOfReversal(late)).isEmpty();

        assertThat(store.findPayment(late.id())).contains(late);
        assertThat(store.findKey(key)).hasValueSatisfying(record -> {
            assertThat(record.operation()).isEqualTo(Operation.SALE);
            assertThat(record.payment()).isEqualTo(late.id());
        });
        Payment copy = Payment.reversedOnArrival(new PaymentId("P2"), late.request(), NOW, List.of(), base.fee());
        assertThat(store.insertInPlaceOfReversal(copy)).as("a second copy of the late sale")
                .hasValueSatisfying(taken -> assertThat(taken.payment()).isEqualTo(late.id()));
        assertThat(store.findPayment(copy.id())).isEmpty();
        assertThat(store.findEarlyReversal(key)).as("kept once the sale arrived").contains(note);
    }

    @Test
    void aSecondSettlementOfThePaymentIsStaleEvenThoughItsJournalsAreBookedAlready() {
        Payment payment = processing("P1", "K1");
        store.insertPayment(payment);
        Payment first = succeeded(payment);
        store.updatePayment(first, List.of(sale(first)));

        // another node settles the same payment from the same version, with the same journal ids
        Payment second = succeeded(payment);
        assertThat(store.updatePayment(second, List.of(sale(second)))).isEqualTo(VersionedWrite.LOST_RACE);
        assertThat(store.findPayment(payment.id())).contains(first);
        assertThat(store.journalsOf(payment.id())).hasSize(1);
    }

    @Test
    void anUnresolvedPaymentIsClaimedByOneNodeAtATimeUntilItsClaimEnds() {
        Payment payment = processing("P1", "K1");
        store.insertPayment(payment);
        Instant until = NOW.plusSeconds(600);

        assertThat(store.claim(payment.id(), "node-a", until, NOW)).isTrue();
        assertThat(store.claim(payment.id(), "node-b", NOW.plusSeconds(60), NOW)).as("held by node-a").isFalse();
        assertThat(store.claim(payment.id(), "node-b", NOW.plusSeconds(900), until.minusMillis(1))).as("a moment before it ends").isFalse();
        assertThat(store.claim(payment.id(), "node-a", NOW.plusSeconds(1200), NOW)).as("node-a extends its own").isTrue();
        assertThat(store.claim(payment.id(), "node-b", NOW.plusSeconds(1800), NOW.plusSeconds(1200))).as("ended: taken over").isTrue();
        assertThat(store.claim(payment.id(), "node-a", NOW.plusSeconds(1300), NOW.plusSeconds(1250))).isFalse();
    }

    @Test
    void aReleasedClaimLeavesThePaymentToAnyNodeAndOnlyItsHolderCanReleaseIt() {
        Payment payment = processing("P1", "K1");
        store.insertPayment(payment);
        store.claim(payment.id(), "node-a", NOW.plusSeconds(600), NOW);

        store.release(payment.id(), "node-b");
        assertThat(store.claim(payment.id(), "node-b", NOW.plusSeconds(600), NOW)).as("node-b cannot release node-a's").isFalse();
        store.release(payment.id(), "node-a");
        assertThat(store.claim(payment.id(), "node-b", NOW.plusSeconds(600), NOW)).isTrue();
    }

    @Test
    void aClaimChangesNeitherThePaymentNorItsVersionAndAFinishedOrMissingPaymentCannotBeClaimed() {
        Payment payment = processing("P1", "K1");
        store.insertPayment(payment);
        store.claim(payment.id(), "node-a", NOW.plusSeconds(600), NOW);

        assertThat(store.findPayment(payment.id())).contains(payment);
        Payment done = succeeded(payment);
        store.updatePayment(done, List.of(sale(done)));
        assertThat(store.findPayment(payment.id())).contains(done);
        assertThat(store.claim(payment.id(), "node-a", NOW.plusSeconds(600), NOW)).as("SUCCEEDED").isFalse();
        assertThat(store.claim(new PaymentId("P-none"), "node-a", NOW.plusSeconds(600), NOW)).isFalse();
    }

    @Test
    void aPaymentReadsBackEqualToWhatWasWritten() {
        Payment payment = processing("P1", "K1");
        store.insertPayment(payment);
        Payment done = succeeded(payment);
        store.updatePayment(done, List.of(sale(done)));

        assertThat(store.findPayment(payment.id())).contains(done);
        assertThat(store.journalsOf(payment.id())).containsExactly(sale(done));
        assertThat(store.findKey(new IdempotencyKey(PaymentWorld.MERCHANT, new RequestId.Client("K1"))))
                .hasValueSatisfying(record -> {
                    assertThat(record.operation()).isEqualTo(Operation.SALE);
                    assertThat(record.payment()).isEqualTo(payment.id());
                });
    }

    @Test
    void aSecondInsertWithTheSameKeyWritesNothingAndReturnsTheFirstRecord() {
        Payment first = processing("P1", "K1");
        assertThat(store.insertPayment(first)).isEmpty();
        assertThat(store.insertPayment(processing("P2", "K1"))).hasValueSatisfying(record -> assertThat(record.payment()).isEqualTo(first.id()));
        assertThat(store.findPayment(new PaymentId("P2"))).isEmpty();
    }

    @Test
    void aWriteOverAVersionThatMovedOnIsStaleAndChangesNothing() {
        Payment stored = processing("P1", "K1");
        store.insertPayment(stored);
        Payment winner = stored.unknown(NOW, new RawCode("TIMEOUT"));
        store.updatePayment(winner, List.of());
        Payment loser = succeeded(stored);

        assertThat(store.updatePayment(loser, List.of(sale(loser)))).isEqualTo(VersionedWrite.LOST_RACE);
        assertThat(store.findPayment(stored.id())).contains(winner);
        assertThat(journals()).isEmpty();
    }

    @Test
    void aJournalBookedTwiceFailsTheWholeWrite() {
        Payment stored = processing("P1", "K1");
        store.insertPayment(stored);
        Payment done = succeeded(stored);
        store.updatePayment(done, List.of(sale(done)));
        Payment settled = done.settled(NOW);

        assertThatThrownBy(() -> store.updatePayment(settled, List.of(sale(done)))).isInstanceOf(RuntimeException.class);
        assertThat(store.findPayment(stored.id())).contains(done);
        assertThat(journals()).hasSize(1);
    }

    @Test
    void onlyProcessingAndUnknownPaymentsAreListedForRecovery() {
        Payment processing = processing("P1", "K1");
        Payment unknown = processing("P2", "K2");
        Payment done = processing("P3", "K3");
        store.insertPayment(processing);
        store.insertPayment(unknown);
        store.insertPayment(done);
        store.updatePayment(unknown.unknown(NOW, new RawCode("TIMEOUT")), List.of());
        store.updatePayment(succeeded(done), List.of());

        assertThat(store.unresolvedPayments()).extracting(Payment::id).containsExactlyInAnyOrder(processing.id(), unknown.id());
    }

    @Test
    void aRefundIsInsertedWithItsKeyAndReservationAtomically() {
        Payment payment = processing("P1", "K1");
        store.insertPayment(payment);
        Payment done = succeeded(payment);
        store.updatePayment(done, List.of());
        Refund refund = Refund.pending(new RefundId("R1"), done, new RequestId.Client("RK1"), RefundKind.REFUND, Money.parse("4.00"), NOW);
        Payment reserving = done.reserve(Money.parse("4.00"), NOW);

        assertThat(store.insertRefund(refund, reserving)).isEqualTo(new RefundInsertion.Inserted());
        // the same key again: nothing written, the first record returned
        Refund again = Refund.pending(new RefundId("R2"), reserving, new RequestId.Client("RK1"), RefundKind.REFUND, Money.parse("4.00"), NOW);
        assertThat(store.insertRefund(again, reserving.reserve(Money.parse("4.00"), NOW)))
                .isInstanceOfSatisfying(RefundInsertion.KeyTaken.class, taken -> assertThat(taken.holder().refund()).isEqualTo(refund.id()));
        // a reservation over a payment that moved on is stale, and leaves no refund behind
        Refund stale = Refund.pending(new RefundId("R3"), done, new RequestId.Client("RK3"), RefundKind.REFUND, Money.parse("1.00"), NOW);
        assertThat(store.insertRefund(stale, done.reserve(Money.parse("1.00"), NOW))).isEqualTo(new RefundInsertion.LostRace());
        assertThat(store.findRefund(stale.id())).isEmpty();
        assertThat(store.findKey(new IdempotencyKey(PaymentWorld.MERCHANT, new RequestId.Client("RK3")))).isEmpty();

        assertThat(store.findPayment(payment.id())).contains(reserving);
        assertThat(store.pendingRefunds()).containsExactly(refund);
        assertThat(store.refundsOf(payment.id())).containsExactly(refund);
    }

    @Test
    void aFinishedRefundLeavesThePendingList() {
        PendingRefund pending = aPendingRefundOf4Yuan();
        Refund refund = pending.refund();
        Payment reserving = pending.reserving();

        Refund finished = refund.succeeded(FeeSplit.NONE, new RawCode("10000"), NOW);
        assertThat(store.updateRefund(finished, reserving.refundDone(RefundKind.REFUND, Money.parse("4.00"), FeeSplit.NONE, NOW, new RawCode("10000")), List.of()))
                .isEqualTo(VersionedWrite.WRITTEN);

        assertThat(store.pendingRefunds()).isEmpty();
        assertThat(store.findRefund(refund.id())).hasValueSatisfying(read -> assertThat(read.status()).isEqualTo(RefundStatus.SUCCEEDED));
        assertThat(store.updateRefund(finished, null, List.of())).isEqualTo(VersionedWrite.LOST_RACE);
    }

    @Test
    void aRefundUpdateWhosePaymentMovedOnLosesTheRaceAndWritesNeither() {
        PendingRefund pending = aPendingRefundOf4Yuan();
        Refund refund = pending.refund();
        Payment reserving = pending.reserving();
        Payment movedOn = reserving.settled(NOW);
        store.updatePayment(movedOn, List.of());

        Refund finished = refund.succeeded(FeeSplit.NONE, new RawCode("10000"), NOW);
        Payment overStale = reserving.refundDone(RefundKind.REFUND, Money.parse("4.00"), FeeSplit.NONE, NOW, new RawCode("10000"));
        assertThat(store.updateRefund(finished, overStale, List.of())).isEqualTo(VersionedWrite.LOST_RACE);

        assertThat(store.findRefund(refund.id())).contains(refund);
        assertThat(store.findPayment(reserving.id())).contains(movedOn);
        assertThat(journals()).isEmpty();
    }

    private record PendingRefund(Refund refund, Payment reserving) {
    }

    /** Payment P1 succeeded, with a PENDING refund R1 of 4.00 reserved on it. */
    private PendingRefund aPendingRefundOf4Yuan() {
        Payment payment = processing("P1", "K1");
        store.insertPayment(payment);
        Payment done = succeeded(payment);
        store.updatePayment(done, List.of());
        Refund refund = Refund.pending(new RefundId("R1"), done, new RequestId.Client("RK1"), RefundKind.REFUND, Money.parse("4.00"), NOW);
        Payment reserving = done.reserve(Money.parse("4.00"), NOW);
        store.insertRefund(refund, reserving);
        return new PendingRefund(refund, reserving);
    }
}
