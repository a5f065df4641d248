package io.shoudan.payment.testing;

import io.shoudan.ledger.LedgerReport;
import io.shoudan.method.Channel;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.CancelAnswer;
import io.shoudan.payment.ChannelAnswer;
import io.shoudan.payment.ChannelGateway;
import io.shoudan.payment.PayCommand;
import io.shoudan.payment.Payment;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.PaymentStore;
import io.shoudan.payment.RecoveryPlan;
import io.shoudan.payment.RefundAnswer;
import io.shoudan.payment.RefundCommand;
import io.shoudan.payment.RequestId;
import io.shoudan.payment.TradeRef;
import io.shoudan.payment.testing.SimulatedChannel.PayFault;

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
import java.util.function.Supplier;

import static io.shoudan.payment.testing.PaymentWorld.MERCHANT;
import static io.shoudan.payment.testing.PaymentWorld.sale;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes over one store, all at once: sales on node A with every kind of outcome the channel can leave open,
 * node A's and node B's recoveries running in a loop meanwhile, and terminals' reversals arriving at node B, every
 * channel call taking a little while at random. However the threads interleave, every payment must end in one
 * final state, and the channel's money, the payments and the ledger must agree. Run by core over the in-memory
 * store and by the store module over H2 and PostgreSQL.
 */
public final class TwoNodeSettlement {

    /** Builds node {@code name}'s payment service over the shared store, with these plans and this Alipay gateway. */
    @FunctionalInterface
    public interface Nodes {
        PaymentService node(String name, Map<Channel, RecoveryPlan> plans, ChannelGateway alipay);
    }

    /** Every query and cancel at once: the clock does not move, so no claim can end under the work it covers. */
    private static final RecoveryPlan IMMEDIATE = new RecoveryPlan(List.of(Duration.ZERO, Duration.ZERO), 2, Duration.ZERO, 2, Duration.ZERO);
    private static final Map<Channel, RecoveryPlan> PLANS = Map.of(Channel.ALIPAY, IMMEDIATE, Channel.WECHAT, IMMEDIATE,
            Channel.UNIONPAY, IMMEDIATE);
    private static final PayFault[] FAULTS = PayFault.values();

    private TwoNodeSettlement() {
    }

    /** Runs the day (seeded: which fault each sale meets, which sales terminals reverse) and checks its end. */
    public static void run(long seed, int saleThreads, int salesPerThread, SimulatedChannel alipay, PaymentStore store, Nodes nodes)
            throws Exception {
        PaymentService nodeA = nodes.node("node-a", PLANS, new Jittery(alipay));
        PaymentService nodeB = nodes.node("node-b", PLANS, new Jittery(alipay));
        Random random = new Random(seed);
        PayFault[] faults = new PayFault[saleThreads * salesPerThread];
        for (int i = 0; i < faults.length; i++) {
            faults[i] = FAULTS[random.nextInt(FAULTS.length)];
        }
        alipay.nextPay(faults).confirmAfterQueries(1).cancelsFailing(faults.length / 10);

        ExecutorService threads = Executors.newFixedThreadPool(saleThreads + 3);
        try {
            AtomicBoolean selling = new AtomicBoolean(true);
            List<Future<?>> sales = new ArrayList<>();
            for (int t = 0; t < saleThreads; t++) {
                int thread = t;
                sales.add(threads.submit(() -> {
                    for (int i = 0; i < salesPerThread; i++) {
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
                            String original = requestId(reversals.nextInt(saleThreads), reversals.nextInt(salesPerThread));
                            nodeB.reverse(MERCHANT, new RequestId.Client(original), new RequestId.Client("REV-" + n++), Money.parse("20.00"));
                        }
                    }));
            for (Future<?> sale : sales) {
                sale.get(120, TimeUnit.SECONDS);
            }
            selling.set(false);
            for (Future<?> task : background) {
                task.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        alipay.heal();
        for (int round = 0; round < 5 && !store.unresolvedPayments().isEmpty(); round++) {
            nodeA.recover();
        }

        assertThat(store.unresolvedPayments()).isEmpty();
        List<Payment> payments = new ArrayList<>();
        store.forEachPayment(payments::add);
        assertThat(payments).hasSize(saleThreads * salesPerThread);
        LedgerReport ledger = nodeA.checkLedger();
        assertThat(ledger.passed()).as(String.join("\n", ledger.lines())).isTrue();
        Money booked = Money.ZERO;
        for (Payment payment : payments) {
            if (payment.state().wasCaptured()) {
                booked = booked.plus(payment.amount()).minus(payment.refunded());
            }
        }
        assertThat(alipay.netTaken(MERCHANT)).as("what the channel holds is what the books say was kept").isEqualTo(booked);
    }

    private static String requestId(int thread, int sale) {
        return String.format("%06d-%06d", thread + 1, sale + 1);
    }

    /** Every call to the channel takes up to 0.2 ms each way, at random, as over a network: the threads interleave more. */
    private record Jittery(ChannelGateway target) implements ChannelGateway {

        private static <T> T overTheNetwork(Supplier<T> call) {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
            T answer = call.get();
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
            return answer;
        }

        @Override
        public Channel channel() {
            return target.channel();
        }

        @Override
        public ChannelAnswer pay(PayCommand command) {
            return overTheNetwork(() -> target.pay(command));
        }

        @Override
        public ChannelAnswer query(TradeRef trade) {
            return overTheNetwork(() -> target.query(trade));
        }

        @Override
        public CancelAnswer cancel(TradeRef trade) {
            return overTheNetwork(() -> target.cancel(trade));
        }

        @Override
        public RefundAnswer voidSale(RefundCommand command) {
            return overTheNetwork(() -> target.voidSale(command));
        }

        @Override
        public RefundAnswer refund(RefundCommand command) {
            return overTheNetwork(() -> target.refund(command));
        }
    }
}
