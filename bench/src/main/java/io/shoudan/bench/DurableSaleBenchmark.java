package io.shoudan.bench;

import io.shoudan.payment.SaleOutcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Durable sales per second through the real payment service: eligibility gate on a snapshot read
 * from the store (merchant, usage, terminal), rate card from the store, PROCESSING written, the
 * channel (answering at once, {@link InstantChannel}), SUCCEEDED with its SALE and FEE journals
 * written — two committed transactions per sale — on H2 (a file under a temp directory) and on
 * PostgreSQL (own schema in database {@code test}). Run with {@code -t 1}, {@code -t 8},
 * {@code -t 32} to find the maximum; the pool is the product's default ({@link DurableSaleRig#poolSize}).
 * The warm-up is 45 s because the JIT needs about 30 s under load before a sale runs at its steady
 * cost (a closed loop gains ~70 % between its first and second 30 s). A trial in which any sale did
 * not succeed fails at tear-down.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dlogback.configurationFile=logback-bench.xml"})
@Warmup(iterations = 3, time = 15)
@Measurement(iterations = 3, time = 15)
public class DurableSaleBenchmark {

    @Param({"H2", "POSTGRESQL"})
    public String store;

    private DurableSaleRig rig;

    @Setup(Level.Trial)
    public void open(BenchmarkParams params) throws IOException {
        rig = new DurableSaleRig(DurableSaleRig.Store.valueOf(store), DurableSaleRig.poolSize());
    }

    @TearDown(Level.Trial)
    public void close() {
        System.out.println("\n[" + store + "] " + rig.sales() + " sales, " + rig.notSucceeded() + " not succeeded");
        rig.close();
    }

    @Benchmark
    public SaleOutcome sale() {
        return rig.sale();
    }
}
