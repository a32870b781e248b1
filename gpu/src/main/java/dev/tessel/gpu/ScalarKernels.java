package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.gpu.KernelTable.Kind;
import java.util.List;
import java.util.Map;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.common.TornadoFunctions.Task2;
import uk.ac.manchester.tornado.api.types.arrays.DoubleArray;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.arrays.IntArray;
import uk.ac.manchester.tornado.api.types.arrays.LongArray;

/**
 * Kernels that spread a one-element buffer over a full-size one on the device, so that a chain
 * can feed a scalar operand (the {@code 2.0} of {@code a * 2.0}) to the ordinary array kernels
 * while only one element crosses from the host.
 *
 * <p>Decision: a broadcast kernel plus device-only scratch rather than scalar variants of every
 * binary kernel: four small kernels instead of one per (ufunc, dtype, operand position), at the
 * price of one extra device pass over the scratch. A scalar as a TornadoVM task parameter was
 * not used: it is fixed when the task graph is built, so every new scalar value would compile a
 * new graph, while a one-element buffer is refilled on each run of a cached plan.
 */
final class ScalarKernels {
    /** The name a broadcast kernel goes by in chains and in failure messages. */
    static final String BROADCAST = "broadcast";

    private static final Map<DType, Kernel> KERNELS = Map.of(
            DType.FLOAT32, kernel(DType.FLOAT32, (Task2<FloatArray, FloatArray>) ScalarKernels::broadcastFloat),
            DType.FLOAT64, kernel(DType.FLOAT64, (Task2<DoubleArray, DoubleArray>) ScalarKernels::broadcastDouble),
            DType.INT32, kernel(DType.INT32, (Task2<IntArray, IntArray>) ScalarKernels::broadcastInt),
            DType.INT64, kernel(DType.INT64, (Task2<LongArray, LongArray>) ScalarKernels::broadcastLong));

    private ScalarKernels() {
    }

    private static Kernel kernel(DType type, Object code) {
        return new Kernel(Kind.ELEMENTWISE, BROADCAST, List.of(type, type), code);
    }

    /** The broadcast kernel for {@code type}, or null when the device has none. */
    static Kernel broadcast(DType type) {
        return KERNELS.get(type);
    }

    static boolean isBroadcast(Kernel k) {
        return k.ufunc().equals(BROADCAST);
    }

    public static void broadcastFloat(FloatArray s, FloatArray out) {
        for (@Parallel int i = 0; i < out.getSize(); i++) {
            out.set(i, s.get(0));
        }
    }

    public static void broadcastDouble(DoubleArray s, DoubleArray out) {
        for (@Parallel int i = 0; i < out.getSize(); i++) {
            out.set(i, s.get(0));
        }
    }

    public static void broadcastInt(IntArray s, IntArray out) {
        for (@Parallel int i = 0; i < out.getSize(); i++) {
            out.set(i, s.get(0));
        }
    }

    public static void broadcastLong(LongArray s, LongArray out) {
        for (@Parallel int i = 0; i < out.getSize(); i++) {
            out.set(i, s.get(0));
        }
    }
}
