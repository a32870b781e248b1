package dev.tessel;

import static dev.tessel.UfuncCall.apply;

/**
 * mean and var over the elements a bool mask selects, as NumPy's {@code _mean}/{@code _var}
 * with {@code where}: the count per output is the mask's sum over the reduced axes. The
 * nan-variants are these with the mask {@code ~isnan(a) & where} (masked-out elements are
 * replaced by the sum's identity before folding, so NaNs there never reach the result).
 * Without a mask they are the plain {@link NamedReductions} bodies.
 */
final class MaskedStats {
    private MaskedStats() {
    }

    static NdArray mean(NdArray a, int[] axes, DType dtype, boolean keepdims, NdArray where) {
        if (where == null) {
            return NamedReductions.meanCore(a, axes, dtype, keepdims);
        }
        DType acc = dtype != null ? dtype : NamedReductions.statsType(a.dtype);
        NdArray s = Reduction.reduce(Ufuncs.ADD, a, axes, acc, null, keepdims, null, where);
        NdArray r = NamedReductions.divideInPlace(s, count(a, axes, keepdims, where));
        return dtype == null && a.dtype == DType.FLOAT16 ? Execution.copyAs(r, DType.FLOAT16) : r;
    }

    /**
     * Variance over the masked elements, accumulated in {@code dtype} (null: NumPy's default);
     * {@code nanWhenNoDof} gives NaN where count - ddof <= 0
     * (nanvar's rule; var divides by max(count - ddof, 0) and so gives NaN or inf there).
     */
    static NdArray var(NdArray a, int[] axes, DType dtype, double ddof, boolean keepdims, NdArray where,
                       boolean nanWhenNoDof) {
        if (where == null && !nanWhenNoDof && dtype == null) {
            return NamedReductions.varCore(a, axes, ddof, keepdims);
        }
        NdArray mask = where != null ? where : Execution.filled(DType.BOOL, 1, a.shape);
        DType acc = dtype != null ? dtype : NamedReductions.statsType(a.dtype);
        NdArray mean = Reduction.reduce(Ufuncs.ADD, a, axes, acc, null, true, null, mask);
        NamedReductions.divideInPlace(mean, count(a, axes, true, mask));
        NdArray dev = nanWhenNoDof ? deviationInPlace(a, mean) : apply(Ufuncs.SUBTRACT, a, mean);
        NdArray sq = apply(Ufuncs.MULTIPLY, dev, dev);
        NdArray ssum = Reduction.reduce(Ufuncs.ADD, sq, axes, acc, null, keepdims, null, mask);
        NdArray dof = apply(Ufuncs.SUBTRACT, count(a, axes, keepdims, mask), ddof);
        NdArray r = NamedReductions.divideInPlace(ssum, apply(Ufuncs.MAXIMUM, dof, 0.0));
        if (nanWhenNoDof) {
            r = apply(Ufuncs.WHERE, apply(Ufuncs.LESS_EQUAL, dof, 0.0), Nd.scalar(Double.NaN, acc), r);
        }
        return dtype == null && a.dtype == DType.FLOAT16 ? Execution.copyAs(r, DType.FLOAT16) : r;
    }

    /**
     * {@code a - mean} kept in a's own dtype, as NumPy's nanvar computes it (it subtracts into
     * its NaN-free copy of {@code a}), so a float32 input's deviations are float32 even when
     * {@code dtype} asks for float64 sums.
     */
    private static NdArray deviationInPlace(NdArray a, NdArray mean) {
        NdArray dev = NdArray.allocate(a.dtype, a.shape);
        UfuncCall.execute(Ufuncs.SUBTRACT, new Object[] {a, mean}, new NdArray[] {dev}, null, null, Casting.UNSAFE);
        return dev;
    }

    /** How many elements the mask selects per output. */
    static NdArray count(NdArray a, int[] axes, boolean keepdims, NdArray where) {
        NdArray full = where.broadcastTo(Shape.broadcast(where.shape, a.shape));
        return Reduction.reduce(Ufuncs.ADD, full, axes, DType.INT64, null, keepdims, null, null);
    }

    /** {@code ~isnan(a) & where} for floating {@code a}; {@code where} (possibly null) otherwise. */
    static NdArray notNan(NdArray a, NdArray where) {
        if (!a.dtype.isFloating()) {
            return where;
        }
        NdArray valid = apply(Ufuncs.LOGICAL_NOT, apply(Ufuncs.ISNAN, a));
        return where == null ? valid : apply(Ufuncs.LOGICAL_AND, valid, where);
    }
}
