package dev.tessel.gpu;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where GPU work ran: kernel executions per device and the device time the profiler measured.
 * A positive device time proves a kernel executed on the device rather than bailing out to
 * plain Java; tests and {@code Tessel.info()} read these counters.
 */
public final class DeviceStats {
    private static final int MAX_DEVICES = 64;
    private static final AtomicLongArray RUNS = new AtomicLongArray(MAX_DEVICES);
    private static final AtomicLongArray DEVICE_NANOS = new AtomicLongArray(MAX_DEVICES);

    private DeviceStats() {
    }

    static void recordRun(int device, long kernelNanos) {
        RUNS.incrementAndGet(device);
        DEVICE_NANOS.addAndGet(device, Math.max(0, kernelNanos));
    }

    /** Kernel executions on device {@code device} since start. */
    public static long runs(int device) {
        return RUNS.get(device);
    }

    /** Nanoseconds of kernel time the device reported for device {@code device}. */
    public static long deviceNanos(int device) {
        return DEVICE_NANOS.get(device);
    }
}
