package io.shoudan.payment;

import io.shoudan.eligibility.EligibilityEngine;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.testing.InMemoryPaymentStore;
import io.shoudan.payment.testing.ManualTime;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.payment.testing.SimulatedChannel;
import io.shoudan.reason.ReasonCode;
import io.shoudan.terminal.TerminalSn;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.shoudan.payment.testing.PaymentWorld.sale;
import static org.assertj.core.api.Assertions.assertThat;

class WiringTest {

    /** The production gate is the engine's method; a terminal the store does not know never reaches it. */
    @Test
    void theEligibilityEngineIsTheProductionGate() {
        EligibilityEngine engine = new EligibilityEngine();
        EligibilityGate gate = engine::evaluateWithoutAlternatives;
        PaymentWorld world = new PaymentWorld();
        PaymentService service = new PaymentService(new InMemoryPaymentStore(), List.of(world.alipay), PaymentService.defaultPlans(),
                gate, (merchant, terminal, at) -> Optional.empty(), world.rateCards, new SequentialIds("N1", 1), world.time, world.time);

        SaleOutcome outcome = service.sale(new SaleRequest(PaymentWorld.MERCHANT, new TerminalSn("UNKNOWN-1"), new RequestId.Client("1"),
                PaymentMethod.ALIPAY, Money.parse("1.00"), null, PaymentWorld.instrumentFor(PaymentMethod.ALIPAY)));

        assertThat(outcome).isInstanceOfSatisfying(SaleOutcome.Declined.class, declined ->
                assertThat(declined.payment().failure().reason()).isEqualTo(ReasonCode.TERMINAL_UNBOUND));
    }

    @Test
    void aNodeStoppedDuringTheQueryLoopLeavesThePaymentUnknownForRecovery() {
        PaymentWorld world = new PaymentWorld();
        ManualTime time = world.time;
        Sleeper stopping = duration -> {
            throw new InterruptedException("node stopping");
        };
        PaymentService service = new PaymentService(world.store, List.of(world.alipay), PaymentService.defaultPlans(),
                (snapshot, intent) -> PaymentWorld.allow(intent),
                (merchant, terminal, at) -> Optional.of(new io.shoudan.eligibility.Snapshot(at, PaymentWorld.merchant(merchant),
                        PaymentWorld.terminal(merchant), null, java.util.Map.of(), List.of(), new io.shoudan.policy.Policy(null, java.util.Map.of()))),
                world.rateCards, new SequentialIds("N1", 1), time, stopping);
        world.alipay.nextPay(SimulatedChannel.PayFault.CONSUMER_CONFIRMS);

        SaleOutcome outcome = service.sale(sale("000009-000001", PaymentMethod.ALIPAY, "10.00"));

        try {
            assertThat(outcome).isInstanceOfSatisfying(SaleOutcome.StillUnknown.class, unknown ->
                    assertThat(unknown.payment().state()).isEqualTo(PaymentState.UNKNOWN));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(world.service().recover().payments()).singleElement().isInstanceOf(SaleOutcome.Succeeded.class);
        assertThat(time.slept()).isGreaterThan(Duration.ZERO);
    }

    @Test
    void idsFromOneSourceNeverRepeatAndCarryTheNode() {
        SequentialIds ids = new SequentialIds("N7", 41);
        assertThat(ids.newPaymentId()).isEqualTo(new PaymentId("P-N7-000000000041"));
        assertThat(ids.newRefundId()).isEqualTo(new RefundId("R-N7-000000000042"));
    }
}
