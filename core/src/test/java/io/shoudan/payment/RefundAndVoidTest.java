package io.shoudan.payment;

import io.shoudan.fee.InstallmentFeeBearer;
import io.shoudan.ledger.Journal;
import io.shoudan.ledger.JournalKind;
import io.shoudan.ledger.LedgerReport;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.payment.testing.SimulatedChannel.RefundFault;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static io.shoudan.payment.testing.PaymentWorld.MERCHANT;
import static io.shoudan.payment.testing.PaymentWorld.sale;
import static org.assertj.core.api.Assertions.assertThat;

class RefundAndVoidTest {

    private final PaymentWorld world = new PaymentWorld();
    private final PaymentService service = world.service();

    private Payment paid(String request, PaymentMethod method, String amount) {
        return ((SaleOutcome.Succeeded) service.sale(sale(request, method, amount))).payment();
    }

    private AdjustmentOutcome refund(String request, String original, String amount) {
        return service.refund(RefundRequest.refund(MERCHANT, new RequestId.Client(request), new RequestId.Client(original), Money.parse(amount)));
    }

    private Payment stored(Payment payment) {
        return world.store.findPayment(payment.id()).orElseThrow();
    }

    private void assertLedgerSound() {
        LedgerReport report = service.checkLedger();
        assertThat(report.passed()).as(String.join("\n", report.lines())).isTrue();
        Money booked = Money.ZERO;
        for (Payment payment : world.store.payments()) {
            if (payment.state().wasCaptured()) {
                booked = booked.plus(payment.amount()).minus(payment.refunded());
            }
        }
        assertThat(world.alipay.netTaken(MERCHANT).plus(world.wechat.netTaken(MERCHANT)).plus(world.unionPay.netTaken(MERCHANT)))
                .isEqualTo(booked);
    }

    @Test
    void aSaleCanBeRefundedInPartsUntilNothingIsLeftAndTheFeeComesBackInProportion() {
        Payment payment = paid("S1", PaymentMethod.ALIPAY, "1000.00");   // fee 3.80

        AdjustmentOutcome first = refund("R1", "S1", "250.00");
        AdjustmentOutcome second = refund("R2", "S1", "250.00");
        AdjustmentOutcome third = refund("R3", "S1", "500.00");

        assertThat(first).isInstanceOfSatisfying(AdjustmentOutcome.Done.class, done -> {
            assertThat(done.refund().feeReturned().total()).isEqualTo(Money.parse("0.95"));
            assertThat(done.payment().state()).isEqualTo(PaymentState.PARTIALLY_REFUNDED);
        });
        assertThat(second).isInstanceOfSatisfying(AdjustmentOutcome.Done.class, done ->
                assertThat(done.refund().feeReturned().total()).isEqualTo(Money.parse("0.95")));
        assertThat(third).isInstanceOfSatisfying(AdjustmentOutcome.Done.class, done -> {
            assertThat(done.refund().feeReturned().total()).isEqualTo(Money.parse("1.90"));
            assertThat(done.payment().state()).isEqualTo(PaymentState.REFUNDED);
        });
        assertThat(stored(payment).feeReturned().total()).isEqualTo(Money.parse("3.80"));
        assertThat(stored(payment).history()).extracting(Transition::to).containsExactly(PaymentState.PROCESSING,
                PaymentState.SUCCEEDED, PaymentState.PARTIALLY_REFUNDED, PaymentState.PARTIALLY_REFUNDED, PaymentState.REFUNDED);
        assertThat(world.store.journalsOf(payment.id())).extracting(Journal::kind).containsExactly(JournalKind.SALE, JournalKind.FEE,
                JournalKind.REFUND, JournalKind.FEE_RETURN, JournalKind.REFUND, JournalKind.FEE_RETURN, JournalKind.REFUND, JournalKind.FEE_RETURN);
        assertThat(service.checkLedger().merchants()).singleElement().satisfies(balance -> assertThat(balance.payable()).isEqualTo(Money.ZERO));
        assertLedgerSound();
    }

    @ParameterizedTest(name = "after {1} refunded of 100.00, refunding {2} is refused")
    @CsvSource({
            "S1, 0.00, 100.01",
            "S1, 60.00, 40.01",
            "S1, 100.00, 0.01",
    })
    void aRefundAboveWhatIsLeftIsRefusedAsAboveWhatIsLeft(String sale, String before, String asked) {
        paid(sale, PaymentMethod.WECHAT_PAY, "100.00");
        if (Money.parse(before).isPositive()) {
            assertThat(refund("R0", sale, before)).isInstanceOf(AdjustmentOutcome.Done.class);
        }

        AdjustmentOutcome outcome = refund("R1", sale, asked);

        assertThat(outcome).isInstanceOfSatisfying(AdjustmentOutcome.Rejected.class, rejected -> {
            Reason reason = rejected.reasons().getFirst();
            assertThat(reason.code()).isEqualTo(ReasonCode.OPERATION_REFUND_ABOVE_REMAINING);
            if (!Money.parse(before).equals(Money.parse("100.00"))) {
                assertThat(reason.evidence().text("requested")).isEqualTo(asked);
                assertThat(reason.evidence().text("refundable")).isEqualTo(Money.parse("100.00").minus(Money.parse(before)).toString());
            }
        });
        assertThat(world.store.findKey(new IdempotencyKey(MERCHANT, new RequestId.Client("R1")))).isEmpty();
        assertLedgerSound();
    }

    @ParameterizedTest
    @CsvSource({"0.00", "-1.00"})
    void aRefundOfNothingIsAnInvalidAmount(String amount) {
        paid("S1", PaymentMethod.ALIPAY, "10.00");
        assertThat(refund("R1", "S1", amount)).isInstanceOfSatisfying(AdjustmentOutcome.Rejected.class, rejected ->
                assertThat(rejected.reasons()).extracting(Reason::code).containsExactly(ReasonCode.OPERATION_INVALID_AMOUNT));
    }

    @Test
    void aFailedOrUnknownSaleCannotBeRefunded() {
        world.alipay.nextPay(io.shoudan.payment.testing.SimulatedChannel.PayFault.REFUSED);
        service.sale(sale("S1", PaymentMethod.ALIPAY, "10.00"));
        assertThat(refund("R1", "S1", "10.00")).isInstanceOfSatisfying(AdjustmentOutcome.Rejected.class, rejected ->
                assertThat(rejected.reasons().getFirst().evidence().text("state")).isEqualTo("FAILED"));
        assertThat(refund("R2", "NO-SUCH-SALE", "10.00")).isInstanceOfSatisfying(AdjustmentOutcome.Rejected.class, rejected ->
                assertThat(rejected.reasons().getFirst().code()).isEqualTo(ReasonCode.OPERATION_ORIGINAL_NOT_FOUND));
    }

    @Test
    void aVoidOnTheSameDayGivesBackTheWholeAmountAndTheWholeFee() {
        Payment payment = paid("S1", PaymentMethod.HUABEI, "1000.00");
        world.time.advance(Duration.ofHours(13));   // 23:00 Beijing, still the same business day

        AdjustmentOutcome outcome = service.voidSale(MERCHANT, new RequestId.Client("V1"), new RequestId.Client("S1"));

        assertThat(outcome).isInstanceOfSatisfying(AdjustmentOutcome.Done.class, done -> {
            assertThat(done.payment().state()).isEqualTo(PaymentState.VOIDED);
            assertThat(done.refund().kind()).isEqualTo(RefundKind.VOID);
            assertThat(done.refund().feeReturned().total()).isEqualTo(Money.parse("6.00"));
        });
        assertThat(world.store.journalsOf(payment.id())).extracting(Journal::kind)
                .containsExactly(JournalKind.SALE, JournalKind.FEE, JournalKind.VOID, JournalKind.FEE_RETURN);
        assertThat(service.checkLedger().merchants()).singleElement().satisfies(balance -> assertThat(balance.payable()).isEqualTo(Money.ZERO));
        assertLedgerSound();
    }

    @Test
    void aVoidWithAnInstallmentFeeTheMerchantBoreGivesThatBackToo() {
        service.sale(PaymentWorld.huabei("S1", "1000.00", 6, InstallmentFeeBearer.MERCHANT));
        assertThat(service.voidSale(MERCHANT, new RequestId.Client("V1"), new RequestId.Client("S1")))
                .isInstanceOfSatisfying(AdjustmentOutcome.Done.class, done ->
                        assertThat(done.refund().feeReturned().installment()).isEqualTo(Money.parse("45.00")));
        assertLedgerSound();
    }

    @Test
    void aVoidOnTheNextBusinessDayIsRefusedAsAfterThePaymentDay() {
        paid("S1", PaymentMethod.UNIONPAY_DEBIT, "100.00");
        world.time.advance(Duration.ofHours(14));   // 00:00 Beijing the next day

        AdjustmentOutcome outcome = service.voidSale(MERCHANT, new RequestId.Client("V1"), new RequestId.Client("S1"));

        assertThat(outcome).isInstanceOfSatisfying(AdjustmentOutcome.Rejected.class, rejected -> {
            assertThat(rejected.reasons().getFirst().code()).isEqualTo(ReasonCode.OPERATION_VOID_AFTER_PAYMENT_DAY);
            assertThat(rejected.reasons().getFirst().evidence().text("paidOn")).isEqualTo("2026-11-23");
            assertThat(rejected.reasons().getFirst().evidence().text("today")).isEqualTo("2026-11-24");
        });
        // the refund is the way back once the void window is gone
        assertThat(refund("R1", "S1", "100.00")).isInstanceOf(AdjustmentOutcome.Done.class);
        assertLedgerSound();
    }

    @Test
    void aVoidAfterSettlementIsRefusedAsAfterSettlement() {
        Payment payment = paid("S1", PaymentMethod.UNIONPAY_DEBIT, "100.00");
        service.markSettled(payment.id());

        assertThat(service.voidSale(MERCHANT, new RequestId.Client("V1"), new RequestId.Client("S1")))
                .isInstanceOfSatisfying(AdjustmentOutcome.Rejected.class, rejected ->
                        assertThat(rejected.reasons().getFirst()).satisfies(reason -> {
                            assertThat(reason.code()).isEqualTo(ReasonCode.OPERATION_VOID_AFTER_SETTLEMENT);
                            assertThat(reason.evidence().text("problem")).contains("settled");
                        }));
    }

    @Test
    void aPartlyRefundedSaleCannotBeVoided() {
        paid("S1", PaymentMethod.ALIPAY, "100.00");
        refund("R1", "S1", "1.00");
        assertThat(service.voidSale(MERCHANT, new RequestId.Client("V1"), new RequestId.Client("S1")))
                .isInstanceOfSatisfying(AdjustmentOutcome.Rejected.class, rejected ->
                        assertThat(rejected.reasons().getFirst().evidence().text("state")).isEqualTo("PARTIALLY_REFUNDED"));
    }

    @Test
    void aRefundWhoseAnswerIsLostIsRetriedWithTheSameIdAndAppliedOnce() {
        Payment payment = paid("S1", PaymentMethod.ALIPAY, "100.00");
        world.alipay.nextRefund(RefundFault.LOST_AFTER_APPLIED, RefundFault.LOST_AFTER_APPLIED);

        AdjustmentOutcome outcome = refund("R1", "S1", "30.00");

        assertThat(outcome).isInstanceOf(AdjustmentOutcome.Done.class);
        assertThat(world.time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
        assertThat(stored(payment).refunded()).isEqualTo(Money.parse("30.00"));
        assertLedgerSound();
    }

    @Test
    void aRefundStillUnknownAfterItsRetriesStaysPendingWithItsAmountReservedUntilRecovery() {
        Payment payment = paid("S1", PaymentMethod.ALIPAY, "100.00");
        world.alipay.nextRefund(RefundFault.LOST_BEFORE_CHANNEL, RefundFault.LOST_AFTER_APPLIED, RefundFault.LOST_AFTER_APPLIED);

        AdjustmentOutcome outcome = refund("R1", "S1", "70.00");

        assertThat(outcome).isInstanceOfSatisfying(AdjustmentOutcome.StillPending.class, pending -> {
            assertThat(pending.refund().status()).isEqualTo(RefundStatus.PENDING);
            assertThat(pending.refund().raw()).isEqualTo(new RawCode("TIMEOUT"));
        });
        assertThat(stored(payment).refundsPending()).isEqualTo(Money.parse("70.00"));
        assertThat(refund("R2", "S1", "30.01")).isInstanceOf(AdjustmentOutcome.Rejected.class);
        assertThat(service.checkLedger().merchants()).singleElement().satisfies(balance ->
                assertThat(balance.returned()).isEqualTo(Money.ZERO));

        RecoveryReport report = world.service().recover();

        assertThat(report.refunds()).singleElement().isInstanceOf(AdjustmentOutcome.Done.class);
        assertThat(stored(payment).refunded()).isEqualTo(Money.parse("70.00"));
        assertThat(stored(payment).refundsPending()).isEqualTo(Money.ZERO);
        assertThat(world.service().recover().refunds()).isEmpty();
        assertLedgerSound();
    }

    @Test
    void aRefundTheChannelRefusesFailsAndReleasesItsReservation() {
        Payment payment = paid("S1", PaymentMethod.WECHAT_PAY, "100.00");
        world.wechat.nextRefund(RefundFault.REFUSED);

        assertThat(refund("R1", "S1", "100.00")).isInstanceOfSatisfying(AdjustmentOutcome.Refused.class, refused -> {
            assertThat(refused.refund().status()).isEqualTo(RefundStatus.FAILED);
            assertThat(refused.refund().failure().raw()).isEqualTo(new RawCode("TRADE_ERROR"));
        });
        assertThat(stored(payment).refundsPending()).isEqualTo(Money.ZERO);
        assertThat(stored(payment).state()).isEqualTo(PaymentState.SUCCEEDED);
        assertThat(refund("R2", "S1", "100.00")).isInstanceOf(AdjustmentOutcome.Done.class);
        assertLedgerSound();
    }

    @Test
    void refundsOfOnePaymentAreListedOldestFirst() {
        Payment payment = paid("S1", PaymentMethod.ALIPAY, "100.00");
        refund("R1", "S1", "10.00");
        world.time.advance(Duration.ofSeconds(1));
        refund("R2", "S1", "20.00");
        assertThat(world.store.refundsOf(payment.id())).extracting(Refund::amount)
                .containsExactly(Money.parse("10.00"), Money.parse("20.00"));
        assertThat(world.store.refundsOf(payment.id())).extracting(Refund::original).containsOnly(new RequestId.Client("S1"));
        assertThat(List.of(refund("R1", "S1", "10.00"))).singleElement().isInstanceOf(AdjustmentOutcome.Done.class);
    }

    private AdjustmentReversal reverseAdjustment(String adjustment, String amount) {
        return service.reverseAdjustment(MERCHANT, new RequestId.Client(adjustment), new RequestId.Client(adjustment + "-R"), Money.parse(amount));
    }

    @Test
    void aReversalOfADoneVoidIsRefusedAndTheVoidStands() {
        Payment payment = paid("S1", PaymentMethod.ALIPAY, "30.00");
        service.voidSale(MERCHANT, new RequestId.Client("V1"), new RequestId.Client("S1"));

        AdjustmentReversal answer = reverseAdjustment("V1", "30.00");

        assertThat(answer).isInstanceOfSatisfying(AdjustmentReversal.Refused.class, refused -> {
            assertThat(refused.reasons().getFirst().code()).isEqualTo(ReasonCode.OPERATION_ADJUSTMENT_NOT_REVERSIBLE);
            assertThat(refused.reasons().getFirst().evidence().text("operation")).isEqualTo("VOID");
        });
        assertThat(reverseAdjustment("V1", "30.00")).as("retried").isEqualTo(answer);
        assertThat(stored(payment).state()).isEqualTo(PaymentState.VOIDED);
        assertLedgerSound();
    }

    @Test
    void aReversalOfADoneRefundIsRefusedAndTheRefundStands() {
        Payment payment = paid("S1", PaymentMethod.WECHAT_PAY, "30.00");
        refund("R1", "S1", "10.00");

        assertThat(reverseAdjustment("R1", "10.00")).isInstanceOf(AdjustmentReversal.Refused.class);
        assertThat(stored(payment).refunded()).isEqualTo(Money.parse("10.00"));
        assertLedgerSound();
    }

    @Test
    void aReversalOfARefusedRefundHasNothingToUndo() {
        Payment payment = paid("S1", PaymentMethod.WECHAT_PAY, "30.00");
        world.wechat.nextRefund(RefundFault.REFUSED);
        assertThat(refund("R1", "S1", "10.00")).isInstanceOf(AdjustmentOutcome.Refused.class);

        assertThat(reverseAdjustment("R1", "10.00")).isInstanceOf(AdjustmentReversal.NothingGivenBack.class);
        assertThat(stored(payment).state()).isEqualTo(PaymentState.SUCCEEDED);
        assertLedgerSound();
    }

    @Test
    void aVoidThatArrivesAfterItsReversalGivesNothingBack() {
        Payment payment = paid("S1", PaymentMethod.ALIPAY, "30.00");

        assertThat(reverseAdjustment("V1", "30.00")).isInstanceOf(AdjustmentReversal.ReversedBeforeArrival.class);
        AdjustmentOutcome late = service.voidSale(MERCHANT, new RequestId.Client("V1"), new RequestId.Client("S1"));

        assertThat(late).isInstanceOfSatisfying(AdjustmentOutcome.Rejected.class, rejected ->
                assertThat(rejected.reasons().getFirst().code()).isEqualTo(ReasonCode.OPERATION_TRADE_CLOSED));
        assertThat(reverseAdjustment("V1", "30.00")).as("retried").isInstanceOf(AdjustmentReversal.ReversedBeforeArrival.class);
        assertThat(stored(payment).state()).isEqualTo(PaymentState.SUCCEEDED);
        assertLedgerSound();
    }

    @Test
    void aReversalOfASaleAsIfItWereAVoidIsRefused() {
        paid("S1", PaymentMethod.ALIPAY, "30.00");

        assertThat(reverseAdjustment("S1", "30.00")).isInstanceOf(AdjustmentReversal.Refused.class);
    }
}
