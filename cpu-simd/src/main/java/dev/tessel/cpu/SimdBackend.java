package dev.tessel.cpu;

import dev.tessel.DType;
import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.Backend;
import dev.tessel.spi.MatmulKernel;
import dev.tessel.spi.ReduceLoop;
import dev.tessel.spi.RowFold;
import dev.tessel.spi.StridedLoop;

/**
 * The CPU SIMD backend ({@code "simd"}, priority 10): Vector API loops for FLOAT32, FLOAT64,
 * INT32 and INT64, elementwise loops for INT16 and INT8, and for UINT8 the INT8 loops of the
 * ops whose bits do not depend on the sign (add, subtract, multiply, negative, square, bitwise
 * ops, invert, equal, not_equal). Every other request answers null and the engine falls back
 * to the scalar reference (UINT8 ordering ops, BOOL elementwise loops, INT8/INT16 reductions,
 * integer matmul, power/remainder/floor and the other ufuncs not listed here).
 *
 * <ul>
 * <li>Elementwise ({@link #loop}): add, subtract, multiply, divide (floats), maximum, minimum,
 *     fmax, fmin, bitwise_and/or/xor (integers), the six comparisons into BOOL, negative,
 *     absolute, square, reciprocal (floats), invert (integers), isnan/isinf/isfinite
 *     (floats, into BOOL), and for floats sqrt, exp, expm1, log, log10, log1p, sin, cos,
 *     tan, arcsin, arccos, arctan, sinh, cosh, tanh, cbrt. Contiguous runs, runs with a
 *     broadcast scalar operand (stride 0), reversed runs and plain strided runs.</li>
 * <li>Reductions ({@link #reduceLoop}): add, multiply, maximum, minimum for the four wide
 *     dtypes, fmax and fmin (NaNs skipped) for floats, logical_or and logical_and for BOOL. Float sums and products are pairwise and
 *     give the same bits for any stride (see {@code Float32Folds}).</li>
 * <li>{@link #rowFold}: add for FLOAT32 and FLOAT64, eight rows per pass (sums down columns).</li>
 * <li>{@link #argLoop}: argmin, argmax (first occurrence; the first NaN wins).</li>
 * <li>{@link #matmul}: FLOAT32 and FLOAT64, packed panels and an FMA register tile.</li>
 * </ul>
 *
 * <p><b>Accuracy of the unary math loops</b>: they use the Vector API's lanewise operators
 * (Intel SVML kernels once C2 compiles them on x86, {@link Math} in the Java fallback), except
 * float32 sin, cos, tanh, log and float64 exp, which use Tessel's own kernels in {@code VectorMath}
 * (over every 7th float with |x| <= 9000, float32 sin and cos stay under 1.96 ulp).
 * Max error against {@link StrictMath} measured by {@code TranscendentalAccuracyTest}
 * (200,000 random inputs over each domain plus edge values, float32 in float32 ulps; 512-,
 * 256- and 128-bit vectors on an AVX-512 machine, JDK 25; the test asserts 2 ulp, 2.5 for
 * sinh and tanh, 0.5 for sqrt; special values NaN, infinities and signed zeros exact):
 * <pre>
 *   ufunc    float32  float64        ufunc    float32  float64
 *   sqrt      0.50     0.00          arcsin    0.73     1.00
 *   exp       0.50     1.00          arccos    0.78     1.00
 *   expm1     0.55     1.00          arctan    0.81     1.00
 *   log       1.00     1.00          sinh      0.66     2.00
 *   log10     0.51     1.00          cosh      0.55     1.00
 *   log1p     0.50     1.00          tanh      1.84     2.00
 *   sin       1.75     1.00          cbrt      0.51     1.00
 *   cos       1.86     1.00
 *   tan       0.54     1.00
 * </pre>
 * (StrictMath is itself within 1 ulp of the exact result, so the error against the exact
 * value may be up to 1 ulp more for float64.)
 *
 * <p>This class never touches a {@code jdk.incubator.vector} type itself: when the JVM was
 * started without {@code --add-modules jdk.incubator.vector} (class path use), it still loads,
 * reports {@link #unavailableReason()} and answers null. All Vector API code sits behind
 * {@link VectorKernels}, which is initialized only once the module is known to be readable.
 */
public final class SimdBackend implements Backend {
    private static final String MODULE = "jdk.incubator.vector";
    /** The boot layer never changes, so the module check is done once, not on every loop lookup. */
    private static final boolean MODULE_READABLE = ModuleLayer.boot().findModule(MODULE).isPresent();

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
        if (!MODULE_READABLE) {
            return "SIMD backend off: module " + MODULE + " is not readable; start the JVM with --add-modules "
                    + MODULE;
        }
        return null;
    }

    /** The vector width and lanes in use, or the reason the backend is off. */
    @Override
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
    public RowFold rowFold(String ufunc, DType type) {
        return usable() ? VectorKernels.rowFold(ufunc, type) : null;
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
        return MODULE_READABLE;
    }
}
