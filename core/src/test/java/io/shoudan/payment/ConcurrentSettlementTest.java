package io.shoudan.payment;

import io.shoudan.ledger.LedgerReport;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.payment.testing.SimulatedChannel.PayFault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static io.shoudan.payment.testing.PaymentWorld.MERCHANT;
import static io.shoudan.payment.testing.PaymentWorld.sale;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes over one store, all at once: sales on node A with every kind of unknown outcome, node A's and node B's
 * recoveries running in a loop meanwhile, and terminals' reversals arriving at node B. However the threads
 * interleave, every payment ends in one final state, and the channel's money, the payments and the ledger agree.
 */
class ConcurrentSettlementTest {

    /** Every query and cancel at once: the clock does not move, so no claim can end under the work it covers. */
    private static final RecoveryPlan IMMEDIATE = new RecoveryPlan(List.of(Duration.ZERO, Duration.ZERO), 2, Duration.ZERO, 2, Duration.ZERO);
    private static final Map<Channel, RecoveryPlan> PLANS = Map.of(Channel.ALIPAY, IMMEDIATE, Channel.WECHAT, IMMEDIATE,
            Channel.UNIONPAY, IMMEDIATE);
    private static final PayFault[] FAULTS = PayFault.values();
    private static final int SALE_THREADS = 4;
    private static final int SALES_PER_THREAD = 60;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void salesRecoveriesAndReversalsOnTwoNodesEndEachPaymentOnceWithTheMoneyRight(long seed) throws Exception {
        PaymentWorld world = new PaymentWorld();
        PaymentService nodeA = world.serviceOnNode("node-a", PLANS, new Jittery(world.alipay));
        PaymentService nodeB = world.serviceOnNode("node-b", PLANS, new Jittery(world.alipay));
        Random random = new Random(seed);
        PayFault[] faults = new PayFault[SALE_THREADS * SALES_PER_THREAD];
        for (int i = 0; i < faults.length; i++) {
            faults[i] = FAULTS[random.nextInt(FAULTS.length)];
        }
        world.alipay.nextPay(faults).confirmAfterQueries(1).cancelsFailing(faults.length / 10);

        ExecutorService threads = Executors.newFixedThreadPool(SALE_THREADS + 3);
        AtomicBoolean selling = new AtomicBoolean(true);
        List<Future<?>> sales = new ArrayList<>();
        for (int t = 0; t < SALE_THREADS; t++) {
            int thread = t;
            sales.add(threads.submit(() -> {
                for (int i = 0; i < SALES_PER_THREAD; i++) {
                    nodeA.sale(sale(requestId(thread, i), PaymentMethod.ALIPAY, (10 + i) + ".00"));
                }
            }));
        }
        List<Future<?>> background = List.of(
                threads.submit(() -> {
                    while (selling.get()) {
                        nodeA.recover(Duration.ZERO);
                    }
                }),
                threads.submit(() -> {
                    while (selling.get()) {
                        nodeB.recover(Duration.ZERO);
                    }
                }),
                threads.submit(() -> {
                    Random reversals = new Random(seed * 31);
                    int n = 0;
                    while (selling.get()) {
                        String original = requestId(reversals.nextInt(SALE_THREADS), reversals.nextInt(SALES_PER_THREAD));
                        nodeB.reverse(MERCHANT, new RequestId(original), new RequestId("REV-" + n++));
                    }
                }));
        for (Future<?> sale : sales) {
            sale.get(60, TimeUnit.SECONDS);
        }
        selling.set(false);
        for (Future<?> task : background) {
            task.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        world.alipay.heal();
        for (int round = 0; round < 5 && !world.store.unresolvedPayments().isEmpty(); round++) {
            nodeA.recover();
        }

        assertThat(world.store.unresolvedPayments()).isEmpty();
        assertThat(world.store.payments()).hasSize(SALE_THREADS * SALES_PER_THREAD);
        LedgerReport ledger = nodeA.checkLedger();
        assertThat(ledger.passed()).as(String.join("\n", ledger.lines())).isTrue();
        Money booked = Money.ZERO;
        for (Payment payment : world.store.payments()) {
            if (payment.state().wasCaptured()) {
                booked = booked.plus(payment.amount()).minus(payment.refunded());
            }
        }
        assertThat(world.alipay.netTaken(MERCHANT)).as("what the channel holds is what the books say was kept").isEqualTo(booked);
    }

    /** Every call to the channel takes a little while, at random, as over a network: the threads interleave more. */
    private static final class Jittery extends ForwardingGateway {
        Jittery(ChannelGateway channel) {
            super(channel);
        }

        private static void jitter() {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
        }

        @Override
        public ChannelAnswer pay(PayCommand command) {
            jitter();
            ChannelAnswer answer = super.pay(command);
            jitter();
            return answer;
        }

        @Override
        public ChannelAnswer query(TradeRef trade) {
            jitter();
            ChannelAnswer answer = super.query(trade);
            jitter();
            return answer;
        }

        @Override
        public CancelAnswer cancel(TradeRef trade) {
            jitter();
            CancelAnswer answer = super.cancel(trade);
            jitter();
            return answer;
        }
    }

    private static String requestId(int thread, int sale) {
        return String.format("%06d-%06d", thread + 1, sale + 1);
    }
}
