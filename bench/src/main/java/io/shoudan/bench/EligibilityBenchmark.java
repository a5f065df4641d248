package io.shoudan.bench;

import io.shoudan.eligibility.EligibilityEngine;
import io.shoudan.eligibility.Verdict;
import io.shoudan.server.scenario.DefaultPolicy;
import io.shoudan.server.scenario.PolicyReader;
import io.shoudan.server.scenario.Scenario;
import io.shoudan.server.scenario.ScenarioReader;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Full verdicts per second of the eligibility engine, single thread, on the project's own example
 * scenarios (run from the repository root, or pass -Dshoudan.examples=DIR): one where everything is
 * fine, one refused for three merchant reasons, one refused for four terminal reasons.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EligibilityBenchmark {

    @Param({"01-huabei-3-installments-ok", "02-small-shop-asks-for-huabei", "07-terminal-moved-to-shenzhen-and-offline"})
    public String scenario;

    private final EligibilityEngine engine = new EligibilityEngine();
    private Scenario question;

    @Setup(Level.Trial)
    public void read() throws IOException {
        Path dir = Path.of(System.getProperty("shoudan.examples", "examples"));
        PolicyReader policies = new PolicyReader();
        ScenarioReader reader = new ScenarioReader(policies, () -> DefaultPolicy.load(policies));
        question = reader.read(Files.readString(dir.resolve(scenario + ".json")));
    }

    @Benchmark
    public Verdict verdictWithoutAlternatives() {
        return engine.evaluateWithoutAlternatives(question.snapshot(), question.intent());
    }

    @Benchmark
    public Verdict verdictWithAlternatives() {
        return engine.evaluate(question.snapshot(), question.intent());
    }
}
