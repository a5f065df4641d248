package io.shoudan.server.serve;

import io.shoudan.payment.PaymentService;
import io.shoudan.payment.RecoveryReport;
import io.shoudan.payment.SaleOutcome;
import io.shoudan.server.node.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recovery while serving, not only at start-up: every {@link Schedule#every()} the payment service's
 * {@code recover(idleAtLeast)} takes on each payment left PROCESSING or UNKNOWN and each pending refund, so a
 * sale whose cancel could not get through (the channel was away) reaches its one final state once the channel
 * is back, without a restart. Payments this node is still working on, or another node has claimed, are never taken
 * ({@link PaymentService#recover(Duration)}); {@link Schedule#idleAtLeast()} also keeps the sweep off the sales other
 * nodes over the same store are still waiting on their channel for. One run at a time, on a thread of its own; a run
 * that fails (the store away) is logged and the next one tries again.
 */
public final class RecoverySweep implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecoverySweep.class);

    /**
     * @param every       time between the end of one run and the start of the next
     * @param idleAtLeast how long a payment must have been left unchanged before the sweep takes it on
     */
    public record Schedule(Duration every, Duration idleAtLeast) {

        /**
         * Every minute, payments unchanged for five minutes: longer than any default plan can keep a sale on
         * another node with every channel call running into a 10 s timeout (Alipay's, the longest: 4 min 12 s).
         */
        public static final Schedule DEFAULTS = new Schedule(Duration.ofMinutes(1), Duration.ofMinutes(5));

        public Schedule {
            Objects.requireNonNull(every, "every");
            Objects.requireNonNull(idleAtLeast, "idleAtLeast");
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("recovery sweep: the interval must be positive, got " + every
                        + " / 恢复巡检间隔必须为正");
            }
            if (idleAtLeast.isNegative()) {
                throw new IllegalArgumentException("recovery sweep: the idle time cannot be negative, got " + idleAtLeast
                        + " / 恢复巡检的空闲时长不能为负");
            }
        }
    }

    /** What the sweep has done since the node started. */
    public record Totals(long runs, long failedRuns, long paymentsTakenOn, long refundsTakenOn) {
    }

    private final PaymentService payments;
    private final Schedule schedule;
    private final ScheduledExecutorService executor;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong failedRuns = new AtomicLong();
    private final AtomicLong paymentsTakenOn = new AtomicLong();
    private final AtomicLong refundsTakenOn = new AtomicLong();

    private RecoverySweep(PaymentService payments, Schedule schedule, NodeIdentity node) {
        this.payments = Objects.requireNonNull(payments, "payments");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.executor = Executors.newSingleThreadScheduledExecutor(node.threads("recovery-sweep"));
    }

    /** Starts sweeping, the first run one interval from now (start-up recovery has just run); its log lines name {@code node}. */
    public static RecoverySweep start(PaymentService payments, Schedule schedule, NodeIdentity node) {
        RecoverySweep sweep = new RecoverySweep(payments, schedule, node);
        long every = schedule.every().toMillis();
        sweep.executor.scheduleWithFixedDelay(sweep::runQuietly, every, every, TimeUnit.MILLISECONDS);
        return sweep;
    }

    public Schedule schedule() {
        return schedule;
    }

    public Totals totals() {
        return new Totals(runs.get(), failedRuns.get(), paymentsTakenOn.get(), refundsTakenOn.get());
    }

    /**
     * Stops sweeping: a run in progress is interrupted, which leaves the payment it was on as it is for the next
     * recovery (the service stops waiting between queries), and is waited for, so that the store can be closed.
     */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
                LOG.warn("recovery sweep still running after 15 s; the store is closed under it / 恢复巡检 15 秒后仍未结束，存储将被关闭");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void runQuietly() {
        runs.incrementAndGet();
        try {
            RecoveryReport report = payments.recover(schedule.idleAtLeast());
            paymentsTakenOn.addAndGet(report.payments().size());
            refundsTakenOn.addAndGet(report.refunds().size());
            if (!report.payments().isEmpty() || !report.refunds().isEmpty()) {
                LOG.info("recovery sweep took on {} payment(s) and {} refund(s); {} still unknown / 恢复巡检：处理交易 {} 笔、退款 {} 笔，仍未决 {} 笔",
                        report.payments().size(), report.refunds().size(), report.stillUnknown(),
                        report.payments().size(), report.refunds().size(), report.stillUnknown());
            }
            for (SaleOutcome outcome : report.payments()) {
                if (outcome instanceof SaleOutcome.StillUnknown unknown) {
                    LOG.warn("payment {} is still unknown: its channel could not be reached; tried again in {} / 交易 {} 仍未决：渠道不可达，{} 后重试",
                            unknown.payment().id(), schedule.every(), unknown.payment().id(), schedule.every());
                }
            }
        } catch (RuntimeException e) {
            failedRuns.incrementAndGet();
            LOG.warn("recovery sweep failed ({}: {}); tried again in {} / 恢复巡检失败，{} 后重试", e.getClass().getSimpleName(), e.getMessage(),
                    schedule.every(), schedule.every());
        }
    }
}
