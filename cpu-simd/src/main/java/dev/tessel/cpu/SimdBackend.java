package dev.tessel.cpu;

import dev.tessel.DType;
import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.Backend;
import dev.tessel.spi.MatmulKernel;
import dev.tessel.spi.ReduceLoop;
import dev.tessel.spi.StridedLoop;

/**
 * The CPU SIMD backend ({@code "simd"}, priority 10): Vector API loops for the elementwise
 * ufuncs, reductions, arg-reductions and matmul of FLOAT32, FLOAT64, INT32 and INT64. Every
 * other request answers null and the engine falls back to the scalar reference.
 *
 * <p>This class never touches a {@code jdk.incubator.vector} type itself: when the JVM was
 * started without {@code --add-modules jdk.incubator.vector} (class path use), it still loads,
 * reports {@link #unavailableReason()} and answers null. All Vector API code sits behind
 * {@link VectorKernels}, which is initialized only once the module is known to be readable.
 */
public final class SimdBackend implements Backend {
    private static final String MODULE = "jdk.incubator.vector";

    public SimdBackend() {
    }

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public String unavailableReason() {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return "SIMD backend off: module " + MODULE + " is not readable; start the JVM with --add-modules "
                    + MODULE;
        }
        return null;
    }

    /** The vector width and lanes in use, or the reason the backend is off. */
    public String describe() {
        String reason = unavailableReason();
        return reason != null ? reason : VectorKernels.describe();
    }

    @Override
    public StridedLoop loop(String ufunc, DType[] types) {
        return usable() ? VectorKernels.loop(ufunc, types) : null;
    }

    @Override
    public ReduceLoop reduceLoop(String ufunc, DType type) {
        return usable() ? VectorKernels.reduceLoop(ufunc, type) : null;
    }

    @Override
    public ArgLoop argLoop(String which, DType type) {
        return usable() ? VectorKernels.argLoop(which, type) : null;
    }

    @Override
    public MatmulKernel matmul(DType type) {
        return usable() ? VectorKernels.matmul(type) : null;
    }

    private boolean usable() {
        return unavailableReason() == null;
    }
}
