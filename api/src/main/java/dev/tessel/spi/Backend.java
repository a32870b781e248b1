package dev.tessel.spi;

import dev.tessel.DType;

/**
 * A provider of compute loops: the scalar reference, the CPU SIMD backend, the GPU backend.
 *
 * <p>Every method returns {@code null} when this backend has no loop for the request; the
 * engine then uses the scalar reference for that op and records the fact. Backends are found
 * with {@link java.util.ServiceLoader}; a backend that cannot run here (a missing JVM module,
 * no device) stays loadable and says why in {@link #unavailableReason()}.
 */
public interface Backend {
    /** Short name used in configuration and placement records: {@code scalar}, {@code simd}, {@code gpu}. */
    String name();

    /** Preference when several backends can run an op; higher wins. The reference is 0. */
    int priority();

    /**
     * One line for {@link dev.tessel.Tessel#info()}: what this backend runs with here, e.g. the
     * SIMD species or the device names.
     */
    default String describe() {
        return name();
    }

    /**
     * Where this backend's loops run: {@code "cpu"} for host backends, else a device such as
     * {@code "gpu:0"}; the engine treats any other value as an accelerator.
     */
    default String device() {
        return "cpu";
    }

    /** The devices arrays can be lent to with {@code a.to(device)} (GPU area); none for host backends. */
    default java.util.List<Device> devices() {
        return java.util.List.of();
    }

    /** Null when usable here, else one line saying what to add (a flag, a dependency, a device). */
    default String unavailableReason() {
        return null;
    }

    /**
     * The 1-D loop of ufunc {@code ufunc} for resolved loop dtypes {@code types} (inputs, then
     * outputs), or null. Operands arrive already cast to these dtypes.
     */
    StridedLoop loop(String ufunc, DType[] types);

    /**
     * A reduction loop: {@code out[outOff] = op(out[outOff], in[off], in[off+stride], ...)} over
     * {@code n} elements of dtype {@code type}, or null. Float {@code add} must sum pairwise (or
     * better) so that its error grows as O(log n), like NumPy's.
     */
    ReduceLoop reduceLoop(String ufunc, DType type);

    /**
     * The row fold of reduction {@code ufunc} for {@code type} (see {@link RowFold}), or null, the
     * default: the caller then folds the rows one at a time with {@link #loop}.
     */
    default RowFold rowFold(String ufunc, DType type) {
        return null;
    }

    /** The arg-reduction {@code "argmin"} or {@code "argmax"} for {@code type}, or null. */
    ArgLoop argLoop(String which, DType type);

    /** {@code C = A @ B} for two matrices of {@code type}, or null. */
    MatmulKernel matmul(DType type);

    // ---- Optional: whole reductions in one call (backends that pay per launch). Null by default:
    // the generic layer then folds run by run with reduceLoop/argLoop.

    /** A one-launch fold of the middle axis of an {@code (outer, n, inner)} block, or null. */
    default AxisReduceLoop axisReduceLoop(String ufunc, DType type) {
        return null;
    }

    /** A one-launch {@code "argmin"}/{@code "argmax"} along the middle axis of such a block, or null. */
    default AxisArgLoop axisArgLoop(String which, DType type) {
        return null;
    }
}
