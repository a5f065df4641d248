package io.shoudan.bench.terminal;

import io.shoudan.server.node.NodeIdentity;
import io.shoudan.server.node.NodeWiring;
import io.shoudan.server.node.PaymentParts;
import io.shoudan.eligibility.Snapshot;
import io.shoudan.iso8583.key.DesKey;
import io.shoudan.iso8583.key.KeyGenerator;
import io.shoudan.iso8583.key.KeyScheme;
import io.shoudan.iso8583.mac.MacAlgorithm;
import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.RegionCode;
import io.shoudan.method.PaymentMethod;
import io.shoudan.money.Money;
import io.shoudan.payment.EligibilityGate;
import io.shoudan.payment.PaymentService;
import io.shoudan.payment.SequentialIds;
import io.shoudan.payment.Sleeper;
import io.shoudan.payment.SnapshotSource;
import io.shoudan.payment.testing.PaymentWorld;
import io.shoudan.policy.Policy;
import io.shoudan.server.terminal8583.AcceptorId;
import io.shoudan.server.terminal8583.CardKinds;
import io.shoudan.server.terminal8583.EndpointLimits;
import io.shoudan.server.terminal8583.EndpointMetrics;
import io.shoudan.server.terminal8583.Terminal8583Server;
import io.shoudan.server.terminal8583.TerminalBinding;
import io.shoudan.server.terminal8583.TerminalHost;
import io.shoudan.server.terminal8583.TerminalKeys;
import io.shoudan.server.terminal8583.memory.InMemoryBatchJournal;
import io.shoudan.server.terminal8583.memory.InMemoryCardVault;
import io.shoudan.server.terminal8583.memory.InMemoryTerminalDirectory;
import io.shoudan.server.terminal8583.memory.InMemoryTerminalKeys;
import io.shoudan.server.terminal8583.simulator.TerminalProfile;
import io.shoudan.server.terminal8583.simulator.TerminalSimulator;
import io.shoudan.server.terminal8583.simulator.TestCard;
import io.shoudan.terminal.Capability;
import io.shoudan.terminal.FirmwareVersion;
import io.shoudan.terminal.Terminal;
import io.shoudan.terminal.TerminalId;
import io.shoudan.terminal.TerminalModel;
import io.shoudan.terminal.TerminalSn;
import io.shoudan.terminal.TerminalStatus;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Terminal-fleet load over loopback: starts the ISO 8583 endpoint in this JVM with the payment service over core's
 * IN-MEMORY store and simulated channels (not the durable store), signs on N simulated terminals, and has each
 * send card sales (track 2 + PIN block + MAC, one at a time, as a POS does) for a fixed duration after a warm-up.
 * Reports sales per second and latency percentiles as the terminal sees them (request written → answer read and
 * its MAC verified). Clients and server share the machine's cores.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.shoudan.bench.terminal.TerminalFleetLoad --terminals 50 --warmup 5 --seconds 20
 * </pre>
 */
public final class TerminalFleetLoad {
    private static final MerchantId MERCHANT = PaymentWorld.MERCHANT;
    private static final AcceptorId MID = new AcceptorId("123456789012345");
    private static final DesKey TMK = DesKey.ofHex("CA5D92598DCA48CE8A4C76361A9269E9");
    private static final TestCard CARD = TestCard.of("6222021234567890123", "2812", "123456");

    private TerminalFleetLoad() {
    }

    public static void main(String[] args) throws Exception {
        int terminals = intArg(args, "--terminals", 50);
        int warmupSeconds = intArg(args, "--warmup", 5);
        int seconds = intArg(args, "--seconds", 20);
        int workers = intArg(args, "--workers", 32);
        if (terminals < 1 || terminals > 5000 || seconds < 1 || seconds > 600 || warmupSeconds < 0 || warmupSeconds > 120) {
            throw new IllegalArgumentException("--terminals 1..5000, --seconds 1..600, --warmup 0..120");
        }
        String loadBefore = loadAverage();
        PaymentWorld world = new PaymentWorld();
        InMemoryTerminalDirectory directory = new InMemoryTerminalDirectory();
        InMemoryTerminalKeys keys = new InMemoryTerminalKeys();
        List<TerminalSn> fleet = new ArrayList<>();
        for (int i = 1; i <= terminals; i++) {
            TerminalSn sn = new TerminalSn(String.format("LOAD-%06d", i));
            fleet.add(sn);
            directory.bind(tid(i), MID, new TerminalBinding(sn, MERCHANT));
            keys.load(sn, new TerminalKeys.MasterKey(TMK, KeyScheme.TDES, MacAlgorithm.UNIONPAY_ECB));
        }
        EligibilityGate allowAll = (snapshot, intent) -> PaymentWorld.allow(intent);
        SnapshotSource snapshots = (merchant, terminal, at) -> Optional.of(new Snapshot(at, PaymentWorld.merchant(merchant),
                terminal(terminal, merchant), null, Map.of(), List.of(), new Policy(null, Map.of())));
        PaymentService payments = NodeWiring.paymentService(new PaymentParts(world.store, List.of(world.alipay, world.wechat, world.unionPay),
                PaymentService.defaultPlans(), allowAll, snapshots, world.rateCards, new SequentialIds("L", 1), Clock.systemUTC(),
                Sleeper.system(), new NodeIdentity("fleet-load")));
        EndpointMetrics metrics = new EndpointMetrics();
        EndpointLimits limits = EndpointLimits.DEFAULTS.withWorkerThreads(workers).withConnectionsMax(Math.max(2000, terminals + 10));
        TerminalHost host = new TerminalHost(payments, directory, keys, new InMemoryBatchJournal(payments::query), new InMemoryCardVault(new SecureRandom()),
                CardKinds.ALL_DEBIT, new KeyGenerator(new SecureRandom()), Clock.systemUTC(), limits.keyLifetime(), metrics);
        Terminal8583Server server = new Terminal8583Server(host, limits).start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
        List<TerminalSimulator> sims = new ArrayList<>();
        try {
            for (int i = 1; i <= terminals; i++) {
                TerminalSimulator t = new TerminalSimulator(TerminalProfile.tdes(tid(i), MID, TMK), address, Duration.ofSeconds(10)).connect();
                sims.add(t);
                if (!t.signOn().approved()) {
                    throw new IllegalStateException("terminal " + i + " could not sign on");
                }
            }
            // The same terminals go on from warm-up to measurement, so every measured sale has a new trace number.
            Result warm = run(sims, Duration.ofSeconds(warmupSeconds), true);
            Result r = run(sims, Duration.ofSeconds(seconds), false);
            String loadAfter = loadAverage();
            System.out.printf("ISO 8583 endpoint over loopback, IN-MEMORY payment store and simulated channels (not the durable store)%n");
            System.out.printf("terminals %d, warm-up %d s (%d sales), measured %d s, server worker threads %d, JDK %s, %d CPUs%n",
                    terminals, warmupSeconds, warm.sales(), seconds, workers, Runtime.version(), Runtime.getRuntime().availableProcessors());
            System.out.printf("sales approved %d, not approved %d, lost answers (reversed) %d%n", r.sales(), r.declined(), r.lost());
            System.out.printf("sales/s %.0f%n", r.sales() / r.elapsedSeconds());
            System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", r.percentileMs(50), r.percentileMs(90),
                    r.percentileMs(99), r.percentileMs(100));
            System.out.printf("load average before: %s; after: %s%n", loadBefore, loadAfter);
            System.out.printf("endpoint counters: %s%n", metrics.snapshot());
            System.out.printf("payments stored: %d, ledger check passed: %b%n", world.store.payments().size(), payments.checkLedger().passed());
        } finally {
            sims.forEach(TerminalSimulator::close);
            server.stop();
        }
    }

    private record Result(long sales, long declined, long lost, double elapsedSeconds, long[] sortedLatencyNs) {
        double percentileMs(int p) {
            if (sortedLatencyNs.length == 0) {
                return Double.NaN;
            }
            int index = p >= 100 ? sortedLatencyNs.length - 1
                    : (int) Math.min(sortedLatencyNs.length - 1, Math.ceil(p / 100.0 * sortedLatencyNs.length) - 1);
            return sortedLatencyNs[Math.max(0, index)] / 1_000_000.0;
        }
    }

    /** Every terminal sells until the deadline, one sale at a time, each on its own virtual thread. */
    private static Result run(List<TerminalSimulator> sims, Duration duration, boolean warmup) throws InterruptedException {
        int terminals = sims.size();
        AtomicLong sales = new AtomicLong();
        AtomicLong declined = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();
        long[][] latencies = new long[terminals][];
        int[] counts = new int[terminals];
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < terminals; i++) {
            int index = i;
            TerminalSimulator t = sims.get(i);
            threads.add(Thread.ofVirtual().start(() -> {
                long[] mine = new long[1024];
                int n = 0;
                try {
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        TerminalSimulator.Exchange e = t.sale(Money.ofFen(100 + index), CARD);
                        long took = System.nanoTime() - t0;
                        if (!e.answered()) {
                            lost.incrementAndGet();
                            continue;
                        }
                        if (!e.response().approved() || !Boolean.TRUE.equals(e.response().macValid())) {
                            declined.incrementAndGet();
                            continue;
                        }
                        sales.incrementAndGet();
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                    }
                } catch (RuntimeException ex) {
                    failed.set(true);
                    System.err.println("terminal " + (index + 1) + " stopped: " + ex);
                } finally {
                    latencies[index] = mine;
                    counts[index] = n;
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (failed.get() && !warmup) {
            System.err.println("some terminals stopped early: see above");
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < terminals; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return new Result(sales.get(), declined.get(), lost.get(), elapsed, all);
    }

    private static TerminalId tid(int i) {
        return new TerminalId(String.format("L%07d", i));
    }

    private static Terminal terminal(TerminalSn sn, MerchantId merchant) {
        return new Terminal(sn, merchant, new TerminalModel("A8"), EnumSet.of(Capability.SCANNER, Capability.CHIP),
                FirmwareVersion.parse("3.2.0"), 3, TerminalStatus.ACTIVE, true, null, new RegionCode("310115"), null, null,
                EnumSet.allOf(PaymentMethod.class));
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unavailable";
        }
    }
}
