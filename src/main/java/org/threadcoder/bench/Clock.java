package org.threadcoder.bench;

import java.lang.management.ManagementFactory;

/**
 * Wall time and the process's CPU time together. The machine a bench runs on is often shared, and
 * CPU time does not count the time other processes took; the process's (every thread: workers,
 * the writer, garbage collection, the JIT) rather than one thread's, because a run uses several.
 */
record Clock(long wallNanos, long cpuNanos) {

    /** The time now. */
    static Clock now() {
        return new Clock(System.nanoTime(), processCpuNanos());
    }

    /** Adds the time from {@code started} to now to {@code total}. */
    static Clock addSince(Clock total, Clock started) {
        Clock now = now();
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

    /** The JVM's CPU time over all its threads; where the platform does not say, the wall clock (so CPU reads as wall). */
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
