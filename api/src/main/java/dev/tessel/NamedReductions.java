package dev.tessel;

import static dev.tessel.UfuncCall.apply;

/**
 * NumPy's named reductions (sum, prod, min, max, mean, var, std, any, all, cumsum, cumprod)
 * built on {@link Reduction} and {@link Accumulation}, with NumPy's result dtypes: sums and
 * products of bool and narrow integers are int64; means, variances and standard deviations of
 * integers are float64, of float16 computed in float32 and returned as float16.
 *
 * <p>Each public-facing method here enters {@link Execution#run} once; the {@code *Core}
 * methods are the ungated bodies that other composite ops reuse. {@code axes == null} means
 * every axis.
 */
final class NamedReductions {
    private NamedReductions() {
    }

    static NdArray sum(NdArray a, int[] axes, DType dtype, boolean keepdims) {
        NdArray resident = DeviceFolds.tryReduce(Ufuncs.ADD, a, axes, dtype, keepdims); // a lent to a device
        return resident != null ? resident : gate("sum", a, () -> sumCore(a, axes, dtype, keepdims));
    }

    static NdArray prod(NdArray a, int[] axes, DType dtype, boolean keepdims) {
        NdArray resident = DeviceFolds.tryReduce(Ufuncs.MULTIPLY, a, axes, dtype, keepdims);
        return resident != null ? resident
                : gate("prod", a, () -> Reduction.reduce(Ufuncs.MULTIPLY, a, axes, dtype, null, keepdims, null, null));
    }

    static NdArray max(NdArray a, int[] axes, boolean keepdims) {
        NdArray resident = DeviceFolds.tryReduce(Ufuncs.MAXIMUM, a, axes, null, keepdims);
        return resident != null ? resident
                : gate("max", a, () -> Reduction.reduce(Ufuncs.MAXIMUM, a, axes, null, null, keepdims, null, null));
    }

    static NdArray min(NdArray a, int[] axes, boolean keepdims) {
        NdArray resident = DeviceFolds.tryReduce(Ufuncs.MINIMUM, a, axes, null, keepdims);
        return resident != null ? resident
                : gate("min", a, () -> Reduction.reduce(Ufuncs.MINIMUM, a, axes, null, null, keepdims, null, null));
    }

    static NdArray any(NdArray a, int[] axes, boolean keepdims) {
        return gate("any", a, () -> Reduction.reduce(Ufuncs.LOGICAL_OR, a, axes, null, null, keepdims, null, null));
    }

    static NdArray all(NdArray a, int[] axes, boolean keepdims) {
        return gate("all", a, () -> Reduction.reduce(Ufuncs.LOGICAL_AND, a, axes, null, null, keepdims, null, null));
    }

    static NdArray mean(NdArray a, int[] axes, DType dtype, boolean keepdims) {
        NdArray resident = DeviceFolds.tryMean(a, axes, dtype, keepdims);
        return resident != null ? resident : gate("mean", a, () -> meanCore(a, axes, dtype, keepdims));
    }

    static NdArray var(NdArray a, int[] axes, double ddof, boolean keepdims) {
        return gate("var", a, () -> varCore(a, axes, ddof, keepdims));
    }

    static NdArray std(NdArray a, int[] axes, double ddof, boolean keepdims) {
        return gate("std", a, () -> sqrtKeep(varCore(a, axes, ddof, keepdims)));
    }

    static NdArray cumsum(NdArray a, Integer axis) {
        return gate("cumsum", a, () -> cumulative(Ufuncs.ADD, a, axis));
    }

    static NdArray cumprod(NdArray a, Integer axis) {
        return gate("cumprod", a, () -> cumulative(Ufuncs.MULTIPLY, a, axis));
    }

    // ---- bodies ----

    static NdArray sumCore(NdArray a, int[] axes, DType dtype, boolean keepdims) {
        return Reduction.reduce(Ufuncs.ADD, a, axes, dtype, null, keepdims, null, null);
    }

    /** The dtype NumPy accumulates means and variances in. */
    static DType statsType(DType t) {
        return t.isFloating() ? LoopResolution.computeType(t) : DType.FLOAT64;
    }

    static NdArray meanCore(NdArray a, int[] axes, DType dtype, boolean keepdims) {
        DType acc = dtype != null ? dtype : statsType(a.dtype);
        NdArray s = sumCore(a, axes, acc, keepdims);
        NdArray r = divideInPlace(s, (double) count(a, axes));
        return dtype == null && a.dtype == DType.FLOAT16 ? Execution.copyAs(r, DType.FLOAT16) : r;
    }

    static NdArray varCore(NdArray a, int[] axes, double ddof, boolean keepdims) {
        DType acc = statsType(a.dtype);
        long n = count(a, axes);
        NdArray mean = divideInPlace(sumCore(a, axes, acc, true), (double) n);
        NdArray dev = apply(Ufuncs.SUBTRACT, a, mean);
        NdArray sq = apply(Ufuncs.MULTIPLY, dev, dev);
        NdArray r = divideInPlace(sumCore(sq, axes, acc, keepdims), Math.max(n - ddof, 0));
        return a.dtype == DType.FLOAT16 ? Execution.copyAs(r, DType.FLOAT16) : r;
    }

    static NdArray sqrtKeep(NdArray v) {
        return apply(Ufuncs.SQRT, v);
    }

    /** {@code s / divisor} written back into s, keeping its dtype (NumPy's _divide_by_count). */
    static NdArray divideInPlace(NdArray s, Object divisor) {
        UfuncCall.execute(Ufuncs.TRUE_DIVIDE, new Object[] {s, divisor}, new NdArray[] {s}, null, null, Casting.UNSAFE);
        return s;
    }

    static long count(NdArray a, int[] axes) {
        boolean[] reduced = new boolean[a.ndim()];
        if (axes == null) {
            java.util.Arrays.fill(reduced, true);
        } else {
            for (int ax : Shape.axes(axes, a.ndim())) {
                reduced[ax] = true;
            }
        }
        return Reduction.reducedSize(a.shape, reduced);
    }

    static NdArray cumulative(Ufunc u, NdArray a, Integer axis) {
        if (axis == null) {
            return Accumulation.accumulate(u, a.ravel(), 0, null, null);
        }
        return Accumulation.accumulate(u, a, axis, null, null);
    }

    static <T> T gate(String op, NdArray a, java.util.function.Supplier<T> body) {
        return Execution.run(op, new NdArray[] {a}, new NdArray[0], body);
    }
}
