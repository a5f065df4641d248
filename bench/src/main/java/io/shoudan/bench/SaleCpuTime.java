package io.shoudan.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time per durable sale, in this JVM (the sales and the loop that drives them) and in the
 * PostgreSQL server's processes on this machine ({@link ProcessCpu}) — the cost the ratio to pgbench
 * depends on, read from a clock that other processes' load does not stretch, so two versions of the
 * code can be compared on a shared machine where throughput moves by more than the difference — and,
 * for reference, the whole machine's. A closed loop of WORKERS threads; ROUNDS measured windows after
 * the warm-up, each printed.
 *
 * <pre>
 * java -Dlogback.configurationFile=logback-bench.xml -cp bench/target/benchmarks.jar io.shoudan.bench.SaleCpuTime STORE [WORKERS] [SECONDS] [ROUNDS] [WARMUP_SECONDS]
 * </pre>
 *
 * On H2 the server column is empty: the store runs in this JVM. Each round also prints the bytes the
 * JVM allocated per sale ({@link ProcessCpu#jvmAllocatedBytes}), the steadiest of the figures: on H2
 * the store's own allocation is in it, and it sets how often the young collector pauses.
 *
 * <p>{@code --pgbench DB} pairs each round with a pgbench TPC-B-like run of the same length right after
 * it (8 clients, 2 threads, on the already initialised database DB; pgbench vacuums its tables and empties
 * its history first, as a plain {@code pgbench -T} does), the sales paused meanwhile, and
 * prints each pair's ratio sales/s ÷ tps and their median: on a machine whose speed moves from one
 * minute to the next, the two rates of a pair see the same machine.
 */
@Command(name = "SaleCpuTime", mixinStandardHelpOptions = true,
        description = "CPU time per durable sale, in this JVM and in the PostgreSQL server's processes.")
public final class SaleCpuTime implements Callable<Integer> {

    /** Linux's clock ticks a second, the unit of {@code /proc/stat}'s CPU times. */
    private static final long TICKS_PER_SECOND = 100;
    private static final long PAUSE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Lets the in-flight sales finish before pgbench starts, and the workers get going again after it. */
    private static final long PAIR_RESUME_MILLIS = 1000;
    private static final Pattern PGBENCH_TRANSACTIONS = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern PGBENCH_TPS = Pattern.compile("(?m)^tps = ([0-9.]+)");

    @Parameters(index = "0", paramLabel = "STORE", description = "H2 or POSTGRESQL")
    private DurableSaleRig.Store store;

    @Parameters(index = "1", paramLabel = "WORKERS", arity = "0..1", defaultValue = "8", description = "threads (default 8)")
    private int workers;

    @Parameters(index = "2", paramLabel = "SECONDS", arity = "0..1", defaultValue = "20", description = "seconds a round (default 20)")
    private int seconds;

    @Parameters(index = "3", paramLabel = "ROUNDS", arity = "0..1", defaultValue = "3", description = "rounds measured (default 3)")
    private int rounds;

    @Parameters(index = "4", paramLabel = "WARMUP_SECONDS", arity = "0..1", defaultValue = "40",
            description = "seconds before, not measured (default 40: the JIT needs ~30 s under load)")
    private int warmupSeconds;

    @Option(names = "--pgbench", paramLabel = "DB",
            description = "after each round, pgbench -T SECONDS -c 8 -j 2 on this initialised database; prints the ratios")
    private String pgbenchDatabase;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SaleCpuTime()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        CommandArguments.require(spec, workers >= 1, "WORKERS", workers + " is not at least 1");
        CommandArguments.require(spec, seconds >= 1, "SECONDS", seconds + " is not at least 1");
        CommandArguments.require(spec, rounds >= 1, "ROUNDS", rounds + " is not at least 1");
        CommandArguments.require(spec, warmupSeconds >= 0, "WARMUP_SECONDS", warmupSeconds + " is negative");
        CommandArguments.require(spec, pgbenchDatabase == null || store == DurableSaleRig.Store.POSTGRESQL, "--pgbench",
                "pairs with PostgreSQL sales only, not " + store);
        try (DurableSaleRig rig = new DurableSaleRig(store, DurableSaleRig.poolSize())) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean paused = new AtomicBoolean();
            AtomicLong done = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            for (int w = 0; w < workers; w++) {
                pool.execute(() -> {
                    while (!stop.get()) {
                        if (paused.get()) {
                            LockSupport.parkNanos(PAUSE_POLL_NANOS);
                            continue;
                        }
                        rig.sale();
                        done.incrementAndGet();
                    }
                });
            }
            try {
                Thread.sleep(warmupSeconds * 1000L);
                List<Double> ratios = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    long sales0 = done.get();
                    long jvm0 = ProcessCpu.jvmNanos();
                    long allocated0 = ProcessCpu.jvmAllocatedBytes();
                    long server0 = store == DurableSaleRig.Store.POSTGRESQL ? ProcessCpu.postgresNanos() : 0;
                    long machine0 = machineTicks();
                    long wall0 = System.nanoTime();
                    Thread.sleep(seconds * 1000L);
                    long sales = done.get() - sales0;
                    double wall = (System.nanoTime() - wall0) / 1e9;
                    double jvmMs = (ProcessCpu.jvmNanos() - jvm0) / 1e6 / sales;
                    double allocatedKb = (ProcessCpu.jvmAllocatedBytes() - allocated0) / 1024.0 / sales;
                    double machineMs = (machineTicks() - machine0) * 1000.0 / TICKS_PER_SECOND / sales;
                    String server = "";
                    if (store == DurableSaleRig.Store.POSTGRESQL) {
                        long server1 = ProcessCpu.postgresNanos();
                        double serverMs = (server1 - server0) / 1e6 / sales;
                        server = server0 < 0 || server1 < 0 ? "   PostgreSQL not visible on this machine"
                                : String.format("   PostgreSQL %.3f ms   both %.3f ms", serverMs, jvmMs + serverMs);
                    }
                    System.out.printf("[%s] round %d: %,d sales, %,.0f/s   CPU per sale: JVM %.3f ms%s   machine %.3f ms   JVM heap allocated per sale %.1f KB%n",
                            store, round, sales, sales / wall, jvmMs, server, machineMs, allocatedKb);
                    if (pgbenchDatabase != null) {
                        paused.set(true);
                        ratios.add(sales / wall / pgbench(round));
                        System.out.printf("[pair %d] ratio sales/s ÷ pgbench tps = %.3f%n", round, ratios.getLast());
                        paused.set(false);
                        Thread.sleep(PAIR_RESUME_MILLIS);
                    }
                }
                if (!ratios.isEmpty()) {
                    List<Double> sorted = ratios.stream().sorted().toList();
                    System.out.printf("[pairs] median ratio %.3f over %d pairs (lowest %.3f, highest %.3f)%n",
                            sorted.get(sorted.size() / 2), sorted.size(), sorted.getFirst(), sorted.getLast());
                }
            } finally {
                stop.set(true);
                pool.shutdown();
                pool.awaitTermination(30, TimeUnit.SECONDS);
            }
        }
        return 0;
    }

    /**
     * pgbench TPC-B-like for SECONDS on the paired database, printed with the machine's CPU per
     * transaction (server and client; pgbench's backends exit with it, so the server's own share cannot
     * be read from {@code /proc} afterwards); answers its tps.
     */
    private double pgbench(int round) throws IOException, InterruptedException {
        Thread.sleep(PAIR_RESUME_MILLIS);
        long machine0 = machineTicks();
        Process run = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-T", String.valueOf(seconds),
                "-c", "8", "-j", "2", pgbenchDatabase).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (run.waitFor() != 0) {
            throw new IllegalStateException("pgbench on " + pgbenchDatabase + " failed: " + output);
        }
        long transactions = Long.parseLong(matched(PGBENCH_TRANSACTIONS, output));
        double tps = Double.parseDouble(matched(PGBENCH_TPS, output));
        double machineMs = (machineTicks() - machine0) * 1000.0 / TICKS_PER_SECOND / transactions;
        System.out.printf("[pgbench] round %d: %,d transactions, %,.1f tps   CPU per transaction: machine %.3f ms%n",
                round, transactions, tps, machineMs);
        return tps;
    }

    private static String matched(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench's output has no " + pattern + ": " + output);
        }
        return matcher.group(1);
    }

    /** The machine's busy clock ticks: user, nice, system, irq and softirq of {@code /proc/stat}'s first line. */
    private static long machineTicks() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        // cpu user nice system idle iowait irq softirq ...
        return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
                + Long.parseLong(cpu[7]);
    }
}
