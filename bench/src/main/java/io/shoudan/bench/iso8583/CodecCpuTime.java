package io.shoudan.bench.iso8583;

import io.shoudan.iso8583.message.UnpackOutcome;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A supplement to {@link Iso8583CodecBenchmark} for a shared machine: counts operations per second of this
 * thread's CPU time (not wall time), so time spent waiting for a core taken by other processes is not charged
 * to the codec. JMH stays the reference; this tells how far load on the machine depressed its numbers.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.shoudan.bench.iso8583.CodecCpuTime [seconds]}
 */
public final class CodecCpuTime {
    private CodecCpuTime() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Iso8583CodecBenchmark b = new Iso8583CodecBenchmark();
        b.setUp();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            boolean warmup = round == 0;
            long packs = 0;
            long sink = 0;
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            while (System.nanoTime() - wall0 < seconds * 1_000_000_000L) {
                for (int i = 0; i < 10_000; i++) {
                    sink += b.pack();
                }
                packs += 10_000;
            }
            long packCpu = mx.getCurrentThreadCpuTime() - cpu0;
            long packWall = System.nanoTime() - wall0;
            long unpacks = 0;
            cpu0 = mx.getCurrentThreadCpuTime();
            wall0 = System.nanoTime();
            while (System.nanoTime() - wall0 < seconds * 1_000_000_000L) {
                for (int i = 0; i < 10_000; i++) {
                    UnpackOutcome o = b.unpack();
                    sink += o.hashCode() & 1;
                }
                unpacks += 10_000;
            }
            long unpackCpu = mx.getCurrentThreadCpuTime() - cpu0;
            long unpackWall = System.nanoTime() - wall0;
            System.out.printf("%s pack: %,.0f ops/s CPU (%,.0f ops/s wall)   unpack: %,.0f ops/s CPU (%,.0f ops/s wall)   [%d]%n",
                    warmup ? "warm-up" : "round " + round,
                    packs * 1e9 / packCpu, packs * 1e9 / packWall,
                    unpacks * 1e9 / unpackCpu, unpacks * 1e9 / unpackWall, sink & 1);
        }
    }
}
