package dev.tessel.gpu;

import dev.tessel.Config;
import dev.tessel.Config.GpuFallback;
import dev.tessel.DeviceSelection;

/**
 * The GPU backend's view of the shared configuration ({@link Config}): {@code tessel.gpu.fallback}
 * and {@code tessel.gpu.devices}. Tests may pin the fallback policy, since {@link Config#current()}
 * is read once per JVM.
 */
final class GpuSettings {
    private static volatile GpuFallback pinnedFallback;

    private GpuSettings() {
    }

    /** What to do when a kernel fails: raise, or run on the CPU with or without a warning. */
    static GpuFallback fallback() {
        GpuFallback f = pinnedFallback;
        return f != null ? f : Config.current().gpuFallback();
    }

    /** Which devices to use. */
    static DeviceSelection devices() {
        return Config.current().gpuDevices();
    }

    /** Overrides {@code tessel.gpu.fallback} for this JVM; null returns to the configuration. */
    static void pinFallback(GpuFallback f) {
        pinnedFallback = f;
    }
}
