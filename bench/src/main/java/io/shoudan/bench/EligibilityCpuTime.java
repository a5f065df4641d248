package io.shoudan.bench;

import io.shoudan.eligibility.Verdict;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Full verdicts per CPU-second of the measuring thread, on the same scenarios as
 * {@link EligibilityBenchmark}. On a shared machine the thread's CPU time is the honest clock: other
 * processes' load stretches wall time but not the CPU the engine used. Run from the repository root:
 * {@code java -cp bench/target/benchmarks.jar io.shoudan.bench.EligibilityCpuTime [seconds]}.
 */
public final class EligibilityCpuTime {

    private EligibilityCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] scenarios = {"01-huabei-3-installments-ok", "02-small-shop-asks-for-huabei", "07-terminal-moved-to-shenzhen-and-offline"};
        for (int round = 0; round < 3; round++) {
            for (String scenario : scenarios) {
                EligibilityBenchmark bench = new EligibilityBenchmark();
                bench.scenario = scenario;
                bench.read();
                double without = rate(mx, seconds, bench, false);
                double with = rate(mx, seconds, bench, true);
                System.out.printf("%s %-44s without alternatives: %,12.0f verdicts/CPU-s   with: %,12.0f verdicts/CPU-s   ratio %.2f%n",
                        round == 0 ? "warm-up" : "round " + round, scenario, without, with, without / with);
            }
        }
    }

    private static double rate(ThreadMXBean mx, int seconds, EligibilityBenchmark bench, boolean alternatives) {
        long count = 0;
        long sink = 0;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        while (System.nanoTime() - wall0 < seconds * 1_000_000_000L) {
            for (int i = 0; i < 10_000; i++) {
                Verdict verdict = alternatives ? bench.verdictWithAlternatives() : bench.verdictWithoutAlternatives();
                sink += verdict.reasons().size();
            }
            count += 10_000;
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        if (sink == 42) {
            System.out.print("");
        }
        return count * 1e9 / cpu;
    }
}
