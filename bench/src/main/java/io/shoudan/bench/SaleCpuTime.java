package io.shoudan.bench;

import com.sun.management.OperatingSystemMXBean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.util.stream.Stream;

/**
 * CPU time per durable sale, in this JVM (the sales and the loop that drives them) and in the
 * PostgreSQL server's processes on this machine (every process named {@code postgres}: the backends,
 * the WAL writer, the checkpointer) — the cost the ratio to pgbench depends on, read from a clock that
 * other processes' load does not stretch, so two versions of the code can be compared on a shared
 * machine where throughput moves by more than the difference. A closed loop of WORKERS threads; ROUNDS
 * measured windows after the warm-up, each printed.
 *
 * <pre>
 * java -Dlogback.configurationFile=logback-bench.xml -cp bench/target/benchmarks.jar io.shoudan.bench.SaleCpuTime STORE [WORKERS] [SECONDS] [ROUNDS] [WARMUP_SECONDS]
 * </pre>
 *
 * On H2 the server column is empty: the store runs in this JVM.
 */
@Command(name = "SaleCpuTime", mixinStandardHelpOptions = true,
        description = "CPU time per durable sale, in this JVM and in the PostgreSQL server's processes.")
public final class SaleCpuTime implements Callable<Integer> {

    /** Linux's clock ticks a second, the unit of {@code /proc/PID/stat}'s CPU times. */
    private static final long TICKS_PER_SECOND = 100;

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

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SaleCpuTime()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        require(workers >= 1, "WORKERS", workers + " is not at least 1");
        require(seconds >= 1, "SECONDS", seconds + " is not at least 1");
        require(rounds >= 1, "ROUNDS", rounds + " is not at least 1");
        require(warmupSeconds >= 0, "WARMUP_SECONDS", warmupSeconds + " is negative");
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (DurableSaleRig rig = new DurableSaleRig(store, DurableSaleRig.poolSize())) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong done = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            for (int w = 0; w < workers; w++) {
                pool.execute(() -> {
                    while (!stop.get()) {
                        rig.sale();
                        done.incrementAndGet();
                    }
                });
            }
            try {
                Thread.sleep(warmupSeconds * 1000L);
                for (int round = 1; round <= rounds; round++) {
                    long sales0 = done.get();
                    long jvm0 = os.getProcessCpuTime();
                    long server0 = store == DurableSaleRig.Store.POSTGRESQL ? postgresTicks() : 0;
                    long wall0 = System.nanoTime();
                    Thread.sleep(seconds * 1000L);
                    long sales = done.get() - sales0;
                    double wall = (System.nanoTime() - wall0) / 1e9;
                    double jvmMs = (os.getProcessCpuTime() - jvm0) / 1e6 / sales;
                    String server = "";
                    if (store == DurableSaleRig.Store.POSTGRESQL) {
                        double serverMs = (postgresTicks() - server0) * 1000.0 / TICKS_PER_SECOND / sales;
                        server = String.format("   PostgreSQL %.3f ms   both %.3f ms", serverMs, jvmMs + serverMs);
                    }
                    System.out.printf("[%s] round %d: %,d sales, %,.0f/s   CPU per sale: JVM %.3f ms%s%n",
                            store, round, sales, sales / wall, jvmMs, server);
                }
            } finally {
                stop.set(true);
                pool.shutdown();
                pool.awaitTermination(30, TimeUnit.SECONDS);
            }
        }
        return 0;
    }

    /** User and system clock ticks of every process named {@code postgres}, alive now. */
    private static long postgresTicks() throws IOException {
        long ticks = 0;
        List<Path> stats = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> stats.add(p.resolve("stat")));
        }
        for (Path stat : stats) {
            String line;
            try {
                line = Files.readAllLines(stat).getFirst();
            } catch (IOException gone) {
                continue;
            }
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (!line.substring(open + 1, close).equals("postgres")) {
                continue;
            }
            // after "pid (comm) ": state is field 3; utime and stime are fields 14 and 15
            String[] fields = line.substring(close + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        return ticks;
    }

    private void require(boolean ok, String parameter, String problem) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), parameter + ": " + problem);
        }
    }
}
