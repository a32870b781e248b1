package dev.tessel.gpu;

import dev.tessel.Config.GpuFallback;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies {@code tessel.gpu.fallback} when a kernel fails to compile or run. The device path
 * only writes the host output after the kernel succeeded, so a failure leaves the output as it
 * was; then the policy raises ({@code error}) or runs the CPU loop ({@code warn}, {@code allow}).
 * A kernel that failed once is not tried on the device again in this process: recompiling it
 * would cost seconds to fail the same way.
 */
final class FailurePolicy {
    private static final System.Logger LOG = System.getLogger("dev.tessel.gpu");
    private static final Map<Object, Throwable> BROKEN = new ConcurrentHashMap<>();

    private FailurePolicy() {
    }

    /**
     * Runs {@code onDevice}; {@code kernel} identifies the kernel (its {@code toString} names it
     * in messages). On failure applies the policy, running {@code onHost} (null when
     * the CPU has no such loop) for {@code warn} and {@code allow}.
     */
    static void run(Object kernel, Runnable onDevice, Runnable onHost) {
        Throwable failed = BROKEN.get(kernel);
        if (failed == null) {
            try {
                onDevice.run();
                return;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (RuntimeException | Error e) {
                BROKEN.putIfAbsent(kernel, e);
                failed = e;
            }
        }
        GpuFallback policy = GpuSettings.fallback();
        if (policy == GpuFallback.ERROR || onHost == null) {
            throw new GpuExecutionException("GPU kernel " + kernel + " failed: " + failed
                    + (onHost == null ? "; the CPU has no loop for it either"
                            : "; set tessel.gpu.fallback=warn or allow to run it on the CPU instead")
                    + ". The output was not written.", failed);
        }
        if (policy == GpuFallback.WARN) {
            LOG.log(System.Logger.Level.WARNING, "GPU kernel " + kernel + " failed (" + failed
                    + "); running it on the CPU (tessel.gpu.fallback=warn)");
        }
        onHost.run();
    }

    /** Whether {@code kernel} failed before; for tests and {@code Tessel.info()}. */
    static boolean isBroken(Object kernel) {
        return BROKEN.containsKey(kernel);
    }

    /** Records {@code kernel} as failed without running it, as a real failure would (tests of the CPU path). */
    static void markBroken(Object kernel, Throwable why) {
        BROKEN.put(kernel, why);
    }

    /** Forgets past failures, e.g. after a driver update in a long-lived process (tests). */
    static void forget() {
        BROKEN.clear();
    }
}
