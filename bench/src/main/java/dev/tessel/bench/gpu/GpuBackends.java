package dev.tessel.bench.gpu;

import dev.tessel.DType;
import dev.tessel.NdArray;
import dev.tessel.Tessel;
import dev.tessel.spi.Backend;
import dev.tessel.spi.Device;
import dev.tessel.spi.DeviceTask;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Method;
import java.util.ServiceLoader;

/**
 * Finds the GPU backend and device for the benchmarks through the SPI, so that {@code bench}
 * compiles without the {@code gpu} module (which exists only where a TornadoVM SDK is). Run
 * the benchmarks in a JVM started with {@code @$TORNADOVM_HOME/tornado-argfile} and
 * {@code gpu/target/classes} on the class path; JMH's forks inherit those flags.
 */
final class GpuBackends {
    private GpuBackends() {
    }

    static Backend gpu() {
        for (Backend b : ServiceLoader.load(Backend.class)) {
            if (b.name().equals("gpu")) {
                String why = b.unavailableReason();
                if (why != null) {
                    throw new IllegalStateException("GPU benchmarks need the GPU backend: " + why);
                }
                return b;
            }
        }
        throw new IllegalStateException("GPU benchmarks need tessel-gpu (gpu/target/classes) on the class path");
    }

    static Device firstDevice() {
        gpu();
        return Tessel.devices().getFirst();
    }

    /**
     * {@code GpuDevice.ufunc(name, out, inputs...)}, reached reflectively because this module
     * does not depend on {@code gpu}.
     */
    static DeviceTask ufunc(Device device, String name, NdArray out, NdArray... inputs) {
        try {
            Method m = device.getClass().getMethod("ufunc", String.class, NdArray.class, NdArray[].class);
            return (DeviceTask) m.invoke(device, name, out, inputs);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("device " + device.name() + " has no ufunc(...) queueing", e);
        }
    }

    static MemorySegment filled(DType t, long n, long seed) {
        MemorySegment s = Arena.ofAuto().allocate(n * t.itemSize(), 64);
        for (long i = 0; i < n; i++) {
            t.setDouble(s, i, ((i * 31 + seed) % 1000) / 500.0 - 1);
        }
        return s;
    }
}
