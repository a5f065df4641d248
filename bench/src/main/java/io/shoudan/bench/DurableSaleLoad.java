package io.shoudan.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Sale latency at a fixed offered rate — an open-loop load driver, because a closed loop (JMH's
 * {@code SampleTime}) slows down when the system does and so hides queueing: sale {@code i} is due
 * at {@code start + i / rate}, a dispatcher hands it to a pool of workers at that moment, and its
 * latency is measured from when it was due, not from when a worker got to it (no coordinated
 * omission). Percentiles are exact (every latency kept, sorted).
 *
 * <pre>
 * java -Dlogback.configurationFile=logback-bench.xml -cp bench/target/benchmarks.jar io.shoudan.bench.DurableSaleLoad STORE RATE SECONDS [WORKERS] [WARMUP_SECONDS]
 * </pre>
 *
 * WARMUP_SECONDS of closed loop (the JIT), then a settle at RATE not measured (see {@link #settleSeconds()}),
 * then SECONDS measured. {@code -Dshoudan.timeline=true} also prints the slowest sale of each second.
 * The timeline line names the wall-clock start of its first second, to line it up with other probes, and is followed
 * by the slow sales grouped into episodes ({@link StallEpisodes}): their median spacing shows a periodic cause.
 * {@code -Dshoudan.latencies=FILE} writes every measured sale to FILE, one line each: when it was due (µs from the
 * start) and its latency (µs).
 * RATE 0 runs a closed loop instead (WORKERS threads, each starting the next sale when its last one
 * finished) and prints the rate it reached.
 */
@Command(name = "DurableSaleLoad", mixinStandardHelpOptions = true,
        description = "Sale latency at a fixed offered rate (open loop), or the rate a closed loop reaches (RATE 0).")
public final class DurableSaleLoad implements Callable<Integer> {

    /** Open-loop seconds at the offered rate after the closed-loop warm-up, at least, before the measured ones. */
    private static final int OPEN_LOOP_SETTLE_SECONDS = 10;
    /** Linux's defaults for when a dirty page is old enough to write back, and how often the flusher looks. */
    private static final int DIRTY_EXPIRE_CENTISECS = 3000;
    private static final int DIRTY_WRITEBACK_CENTISECS = 500;
    /** A sale slower than the p99 goal is a slow one; slow sales due under 20 ms apart are one stall. */
    private static final long STALL_NANOS = 10_000_000;
    private static final double STALL_GAP_SECONDS = 0.020;

    @Parameters(index = "0", paramLabel = "STORE", description = "H2 or POSTGRESQL")
    private DurableSaleRig.Store store;

    @Parameters(index = "1", paramLabel = "RATE", description = "offered sales a second; 0 for a closed loop")
    private double ratePerSecond;

    @Parameters(index = "2", paramLabel = "SECONDS", description = "seconds measured")
    private int seconds;

    @Parameters(index = "3", paramLabel = "WORKERS", arity = "0..1", defaultValue = "16", description = "threads (default 16)")
    private int workers;

    @Parameters(index = "4", paramLabel = "WARMUP_SECONDS", arity = "0..1", defaultValue = "10",
            description = "closed-loop seconds before, not measured (default 10)")
    private int warmupSeconds;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DurableSaleLoad()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        CommandArguments.require(spec, ratePerSecond >= 0 && Double.isFinite(ratePerSecond), "RATE",
                ratePerSecond + " is not 0 or a positive rate");
        CommandArguments.require(spec, seconds >= 1, "SECONDS", seconds + " is not at least 1");
        CommandArguments.require(spec, workers >= 1, "WORKERS", workers + " is not at least 1");
        CommandArguments.require(spec, warmupSeconds >= 0, "WARMUP_SECONDS", warmupSeconds + " is negative");
        try (DurableSaleRig rig = new DurableSaleRig(store, DurableSaleRig.poolSize())) {
            double warm = closedLoop(rig, workers, warmupSeconds);
            System.out.printf(Locale.ROOT, "[%s] warm-up: %.0f sales/s closed loop with %d threads%n", store, warm, workers);
            if (ratePerSecond == 0) {
                double rate = closedLoop(rig, workers, seconds);
                System.out.printf(Locale.ROOT, "[%s] closed loop, %d threads, %d s: %.0f sales/s%n", store, workers, seconds, rate);
            } else {
                // settle at the offered rate before measuring it: the closed loop leaves queues and caches unlike steady state
                int settle = settleSeconds();
                System.out.printf(Locale.ROOT, "[%s] settling %d s at the offered rate, not measured%n", store, settle);
                openLoop(rig, store, ratePerSecond, settle, workers, false);
                openLoop(rig, store, ratePerSecond, seconds, workers, true);
            }
        }
        return 0;
    }

    /**
     * How long to run at the offered rate before measuring it. The closed loop dirties the page cache
     * about twice as fast as the offered rate does (docs/BENCHMARKS.md, "Session 5"), and the
     * kernel writes a file's dirty pages back in one burst once they are {@code dirty_expire_centisecs}
     * old, looking every {@code dirty_writeback_centisecs}: a WAL flush queued behind that burst stalls
     * every commit. Settling until both have passed puts the warm-up's burst before the measured window,
     * which then sees the writeback of the offered rate's own pages — the steady state — and not the
     * warm-up's. At least {@value #OPEN_LOOP_SETTLE_SECONDS} s; the kernel's values are read from
     * {@code /proc/sys/vm}, Linux's defaults (30 s and 5 s) where they cannot be.
     */
    private static int settleSeconds() {
        int expire = kernelSetting("dirty_expire_centisecs", DIRTY_EXPIRE_CENTISECS);
        int writeback = kernelSetting("dirty_writeback_centisecs", DIRTY_WRITEBACK_CENTISECS);
        return Math.max(OPEN_LOOP_SETTLE_SECONDS, (int) Math.ceil((expire + writeback) / 100.0) + 5);
    }

    private static int kernelSetting(String name, int fallback) {
        // line by line: a /proc/sys file reports a size of 0, and Files.readString returns "3" for its "3000"
        try (Stream<String> lines = Files.lines(Path.of("/proc/sys/vm", name))) {
            return lines.findFirst().map(String::trim).map(Integer::parseInt).orElse(fallback);
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return fallback;
        }
    }

    /** The local PostgreSQL server's CPU time so far, or -1 when the store is H2 or the server is not visible. */
    private static long postgresCpuNanos(DurableSaleRig rig) {
        return rig.store() == DurableSaleRig.Store.POSTGRESQL ? ProcessCpu.postgresNanos() : -1;
    }

    private static double closedLoop(DurableSaleRig rig, int threads, int seconds) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        long before = rig.sales();
        long cpuBefore = ProcessCpu.jvmNanos();
        long postgresBefore = postgresCpuNanos(rig);
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Thread(() -> {
                while (running.get()) {
                    rig.sale();
                }
            });
            workers[i].start();
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        long sales = rig.sales() - before;
        long postgresAfter = postgresCpuNanos(rig);
        System.out.printf(Locale.ROOT, "  (%d sales, JVM CPU %.2f ms per sale%s)%n", sales, (ProcessCpu.jvmNanos() - cpuBefore) / 1e6 / sales,
                postgresBefore < 0 || postgresAfter < 0 ? ""
                        : String.format(Locale.ROOT, ", PostgreSQL server CPU %.2f ms per sale", (postgresAfter - postgresBefore) / 1e6 / sales));
        return sales * 1e9 / (System.nanoTime() - start);
    }

    private static void openLoop(DurableSaleRig rig, DurableSaleRig.Store store, double rate, int seconds, int workers, boolean report)
            throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        long[] latencyNs = new long[total];
        double intervalNs = 1e9 / rate;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        long startEpochMillis = System.currentTimeMillis();
        long maxLagNs = 0;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * intervalNs);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                maxLagNs = Math.max(maxLagNs, -wait);
            }
            int index = i;
            pool.execute(() -> {
                rig.sale();
                latencyNs[index] = System.nanoTime() - due;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("sales did not finish within 10 minutes");
        }
        long elapsed = System.nanoTime() - start;
        if (!report) {
            return;
        }
        if (Boolean.getBoolean("shoudan.timeline")) {
            printTimeline(latencyNs, rate, startEpochMillis);
            System.out.println("  " + StallEpisodes.of(latencyNs, rate, STALL_NANOS, STALL_GAP_SECONDS).summary());
        }
        String latencies = System.getProperty("shoudan.latencies");
        if (latencies != null) {
            writeLatencies(Path.of(latencies), latencyNs, intervalNs);
        }
        Arrays.sort(latencyNs);
        System.out.printf(Locale.ROOT, "[%s] open loop: offered %.0f sales/s for %d s (%d sales, %d workers), achieved %.0f sales/s;"
                        + " dispatcher max lag %.1f ms%n", store, rate, seconds, total, workers, total * 1e9 / elapsed, maxLagNs / 1e6);
        System.out.printf(Locale.ROOT, "[%s] latency from due time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                store, pct(latencyNs, 50), pct(latencyNs, 90), pct(latencyNs, 99), pct(latencyNs, 99.9), latencyNs[total - 1] / 1e6);
    }

    /** {@code -Dshoudan.timeline=true}: the slowest sale of each second, to tell a steady tail from stalls. */
    private static void printTimeline(long[] latencyNs, double rate, long startEpochMillis) {
        int perSecond = (int) Math.round(rate);
        StringBuilder line = new StringBuilder("  slowest per second (ms) from " + Instant.ofEpochMilli(startEpochMillis) + ":");
        for (int from = 0; from < latencyNs.length; from += perSecond) {
            long max = 0;
            for (int i = from; i < Math.min(latencyNs.length, from + perSecond); i++) {
                max = Math.max(max, latencyNs[i]);
            }
            line.append(' ').append(max / 1_000_000);
        }
        System.out.println(line);
    }

    private static void writeLatencies(Path file, long[] latencyNs, double intervalNs) {
        try (var out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < latencyNs.length; i++) {
                out.write((long) (i * intervalNs / 1e3) + " " + latencyNs[i] / 1_000 + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the latencies to " + file, e);
        }
    }

    private static double pct(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
