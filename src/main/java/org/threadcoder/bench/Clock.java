package org.threadcoder.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Wall time and CPU time together. The machine a bench runs on is often shared, and CPU time does
 * not count the time other processes took. A stage timed on one thread counts that thread's CPU
 * time; a run, which uses several threads (workers, the writer) counts the process's, garbage
 * collection and the JIT compiler included.
 */
record Clock(long wallNanos, long cpuNanos) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The time now, with this thread's CPU time. */
    static Clock now() {
        return new Clock(System.nanoTime(), threadCpuNanos());
    }

    /** The time now, with the process's CPU time (all its threads). */
    static Clock nowForProcess() {
        return new Clock(System.nanoTime(), processCpuNanos());
    }

    /** The time from {@code started} to {@code now}, added to {@code total}. */
    static Clock add(Clock total, Clock started, Clock now) {
        return new Clock(total.wallNanos + now.wallNanos - started.wallNanos, total.cpuNanos + now.cpuNanos - started.cpuNanos);
    }

    static Clock zero() {
        return new Clock(0, 0);
    }

    double wallSeconds() {
        return wallNanos / 1e9;
    }

    double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    /** This thread's CPU time; where the JVM does not measure it, the wall clock (so CPU reads as wall). */
    private static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** The JVM's CPU time over all its threads; where the platform does not say, the wall clock. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean system) {
            long cpu = system.getProcessCpuTime();
            if (cpu >= 0) {
                return cpu;
            }
        }
        return System.nanoTime();
    }
}
