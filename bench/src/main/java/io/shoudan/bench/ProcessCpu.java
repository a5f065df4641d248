package io.shoudan.bench;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;

/**
 * CPU time so far, read from the operating system, to tell where a sale's cost goes on a shared
 * machine whose speed moves: this JVM's, and the local PostgreSQL server's; and the bytes this JVM
 * allocated.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** This JVM's CPU time so far (all threads: workers, JIT, GC, H2's own). */
    static long jvmNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Bytes allocated on this JVM's heap so far by all its threads (those that ended included):
     * unlike time, hardly moved by other load, so it tells whether a change made a sale allocate less.
     */
    static long jvmAllocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    /**
     * CPU time of the local PostgreSQL server's processes (user {@code postgres}: the backends, the WAL
     * writer, the checkpointer) alive now, or -1 when none is visible. A process that exits between two
     * readings takes its time with it, so compare readings around work on long-lived connections.
     */
    static long postgresNanos() {
        long[] total = {0};
        boolean[] seen = {false};
        ProcessHandle.allProcesses()
                .filter(process -> process.info().user().filter("postgres"::equals).isPresent())
                .forEach(process -> process.info().totalCpuDuration().ifPresent(cpu -> {
                    total[0] += cpu.toNanos();
                    seen[0] = true;
                }));
        return seen[0] ? total[0] : -1;
    }
}
