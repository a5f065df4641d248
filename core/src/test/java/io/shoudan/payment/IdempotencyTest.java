package io.shoudan.payment;

import io.shoudan.fee.InstallmentFeeBearer;
import io.shoudan.fee.Installments;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.payment.testing.SimulatedChannel;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.terminal.TerminalSn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.shoudan.payment.testing.PaymentWorld.MERCHANT;
import static io.shoudan.payment.testing.PaymentWorld.sale;
import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyTest {

    private final PaymentWorld world = new PaymentWorld();
    private final PaymentService service = world.service();

    private static final SaleRequest FIRST = new SaleRequest(MERCHANT, PaymentWorld.TERMINAL, new RequestId.Client("000003-000001"),
            PaymentMethod.HUABEI, Money.parse("600.00"), Installments.of(3, InstallmentFeeBearer.BUYER),
            new Instrument.ScannedCode(PaymentWorld.ALIPAY_CODE));

    @ParameterizedTest(name = "a retry whose first answer was {0} gets it again without asking the channel")
    @CsvSource({"NONE, SUCCEEDED", "REFUSED, FAILED", "CONSUMER_NEVER_CONFIRMS, REVERSED"})
    void aRetryWithTheSameContentGetsTheFirstAnswer(SimulatedChannel.PayFault fault, PaymentState state) {
        world.alipay.nextPay(fault);
        SaleOutcome first = service.sale(FIRST);

        SaleOutcome retry = service.sale(FIRST);

        assertThat(retry).isEqualTo(first);
        assertThat(retry.getClass()).isEqualTo(SaleOutcome.of(world.store.payments().getFirst()).getClass());
        assertThat(world.store.payments()).singleElement().satisfies(payment -> assertThat(payment.state()).isEqualTo(state));
        assertThat(world.alipay.calls().get("pay")).isEqualTo(1);
    }

    @Test
    void aRetryOfADeclinedSaleIsDeclinedAgainEvenWhenTheGateWouldNowAllowIt() {
        world.verdicts.set((snapshot, intent) -> PaymentWorld.refuse(intent, Reason.of(ReasonCode.TERMINAL_FIRMWARE_TOO_OLD)));
        SaleOutcome first = service.sale(FIRST);
        world.verdicts.set((snapshot, intent) -> PaymentWorld.allow(intent));

        assertThat(service.sale(FIRST)).isEqualTo(first).isInstanceOf(SaleOutcome.Declined.class);
        assertThat(world.store.payments()).hasSize(1);
    }

    @ParameterizedTest(name = "changed {0} → DUPLICATE_REQUEST naming {0}")
    @CsvSource({"terminal", "method", "amount", "installments", "installmentFeeBearer", "paymentCode"})
    void aRetryWithChangedContentIsADuplicateRequestNamingTheField(String field) {
        service.sale(FIRST);
        SaleRequest changed = switch (field) {
            case "terminal" -> new SaleRequest(MERCHANT, new TerminalSn("OTHER-1"), FIRST.request(), FIRST.method(), FIRST.amount(), FIRST.installments(), FIRST.instrument());
            case "method" -> new SaleRequest(MERCHANT, FIRST.terminal(), FIRST.request(), PaymentMethod.ALIPAY, FIRST.amount(), Installments.NONE, FIRST.instrument());
            case "amount" -> new SaleRequest(MERCHANT, FIRST.terminal(), FIRST.request(), FIRST.method(), Money.parse("600.01"), FIRST.installments(), FIRST.instrument());
            case "installments" -> new SaleRequest(MERCHANT, FIRST.terminal(), FIRST.request(), FIRST.method(), FIRST.amount(), Installments.of(6, InstallmentFeeBearer.BUYER), FIRST.instrument());
            case "installmentFeeBearer" -> new SaleRequest(MERCHANT, FIRST.terminal(), FIRST.request(), FIRST.method(), FIRST.amount(), Installments.of(3, InstallmentFeeBearer.MERCHANT), FIRST.instrument());
            case "paymentCode" -> new SaleRequest(MERCHANT, FIRST.terminal(), FIRST.request(), FIRST.method(), FIRST.amount(), FIRST.installments(), new Instrument.ScannedCode("284099999999999999"));
            default -> throw new IllegalArgumentException(field);
        };

        SaleOutcome outcome = service.sale(changed);

        assertThat(outcome).isInstanceOfSatisfying(SaleOutcome.Rejected.class, rejected -> {
            Reason reason = rejected.reasons().getFirst();
            assertThat(reason.code()).isEqualTo(ReasonCode.OPERATION_DUPLICATE_REQUEST);
            assertThat(reason.evidence().text("field")).isEqualTo(field);
            assertThat(reason.evidence().text("request")).isEqualTo("000003-000001");
            assertThat(reason.evidence().toString()).doesNotContain("284099999999999999");
        });
        assertThat(world.store.payments()).hasSize(1);
        assertThat(world.alipay.calls().get("pay")).isEqualTo(1);
    }

    @Test
    void theSameRequestIdAtAnotherMerchantIsAnotherRequest() {
        service.sale(FIRST);
        SaleOutcome other = service.sale(sale(PaymentWorld.OTHER_MERCHANT, "000003-000001", PaymentMethod.ALIPAY, "1.00"));
        assertThat(other).isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(world.store.payments()).hasSize(2);
    }

    @Test
    void aRefundRetriedWithTheSameContentGetsTheFirstAnswerAndMovesNoMoreMoney() {
        service.sale(sale("S1", PaymentMethod.ALIPAY, "100.00"));
        RefundRequest refund = RefundRequest.refund(MERCHANT, new RequestId.Client("R1"), new RequestId.Client("S1"), Money.parse("40.00"));

        AdjustmentOutcome first = service.refund(refund);
        AdjustmentOutcome retry = service.refund(refund);

        assertThat(retry).isEqualTo(first);
        assertThat(world.store.payments().getFirst().refunded()).isEqualTo(Money.parse("40.00"));
        assertThat(world.alipay.netTaken(MERCHANT)).isEqualTo(Money.parse("60.00"));
    }

    @ParameterizedTest(name = "a refund retry with changed {0} is a duplicate request")
    @CsvSource({"amount", "original", "operation"})
    void aRefundRetryWithChangedContentIsADuplicateRequest(String field) {
        service.sale(sale("S1", PaymentMethod.ALIPAY, "100.00"));
        service.sale(sale("S2", PaymentMethod.ALIPAY, "100.00"));
        service.refund(RefundRequest.refund(MERCHANT, new RequestId.Client("R1"), new RequestId.Client("S1"), Money.parse("40.00")));

        AdjustmentOutcome outcome = switch (field) {
            case "amount" -> service.refund(RefundRequest.refund(MERCHANT, new RequestId.Client("R1"), new RequestId.Client("S1"), Money.parse("40.01")));
            case "original" -> service.refund(RefundRequest.refund(MERCHANT, new RequestId.Client("R1"), new RequestId.Client("S2"), Money.parse("40.00")));
            case "operation" -> service.voidSale(MERCHANT, new RequestId.Client("R1"), new RequestId.Client("S2"));
            default -> throw new IllegalArgumentException(field);
        };

        assertThat(outcome).isInstanceOfSatisfying(AdjustmentOutcome.Rejected.class, rejected -> {
            assertThat(rejected.reasons().getFirst().code()).isEqualTo(ReasonCode.OPERATION_DUPLICATE_REQUEST);
            assertThat(rejected.reasons().getFirst().evidence().text("field")).isEqualTo(field);
        });
    }

    @Test
    void aSaleRequestIdReusedForARefundOrTheOtherWayRoundIsADuplicateRequest() {
        service.sale(sale("S1", PaymentMethod.ALIPAY, "100.00"));
        service.refund(RefundRequest.refund(MERCHANT, new RequestId.Client("R1"), new RequestId.Client("S1"), Money.parse("1.00")));

        assertThat(service.refund(RefundRequest.refund(MERCHANT, new RequestId.Client("S1"), new RequestId.Client("S1"), Money.parse("1.00"))))
                .isInstanceOfSatisfying(AdjustmentOutcome.Rejected.class, rejected ->
                        assertThat(rejected.reasons().getFirst().evidence().text("field")).isEqualTo("operation"));
        assertThat(service.sale(sale("R1", PaymentMethod.ALIPAY, "1.00")))
                .isInstanceOfSatisfying(SaleOutcome.Rejected.class, rejected ->
                        assertThat(rejected.reasons().getFirst().evidence().text("field")).isEqualTo("operation"));
    }

    /** Forbidden outcome: two payments, or two channel calls, for one request id. */
    @Test
    void concurrentCopiesOfOneSaleCreateOnePaymentAndCallTheChannelOnce() throws Exception {
        int copies = 8;
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<SaleOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                Callable<SaleOutcome> task = () -> {
                    start.await();
                    return service.sale(FIRST);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<SaleOutcome> future : futures) {
                assertThat(future.get()).isNotInstanceOf(SaleOutcome.Rejected.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(world.store.payments()).singleElement().satisfies(payment -> assertThat(payment.state()).isEqualTo(PaymentState.SUCCEEDED));
        assertThat(world.alipay.calls().get("pay")).isEqualTo(1);
    }

    /** Forbidden outcome: concurrent refunds that together give back more than the payment. */
    @Test
    void concurrentRefundsNeverGiveBackMoreThanThePayment() throws Exception {
        service.sale(sale("S1", PaymentMethod.ALIPAY, "100.00"));
        int refunds = 8;
        ExecutorService pool = Executors.newFixedThreadPool(refunds);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AdjustmentOutcome>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < refunds; i++) {
                RefundRequest request = RefundRequest.refund(MERCHANT, new RequestId.Client("R" + i), new RequestId.Client("S1"), Money.parse("30.00"));
                futures.add(pool.submit(() -> {
                    start.await();
                    return service.refund(request);
                }));
            }
            start.countDown();
            int done = 0;
            for (Future<AdjustmentOutcome> future : futures) {
                if (future.get() instanceof AdjustmentOutcome.Done) {
                    done++;
                }
            }
            assertThat(done).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(world.store.payments().getFirst().refunded()).isEqualTo(Money.parse("90.00"));
        assertThat(service.checkLedger().passed()).isTrue();
    }
}
