package dev.tessel;

import static dev.tessel.UfuncCall.apply;

/**
 * The NaN-skipping reductions, as NumPy's {@code nanfunctions}: NaNs are replaced by the
 * identity (nansum, nanprod), skipped by fmin/fmax (nanmin, nanmax: an all-NaN slice gives
 * NaN), left out of the count (nanmean, nanvar, nanstd: an all-NaN slice gives NaN), or
 * replaced by the opposite infinity before an arg-reduction (nanargmin, nanargmax: an all-NaN
 * slice is an error). On integer and bool arrays each is its plain counterpart.
 */
final class NanReductions {
    private NanReductions() {
    }

    static NdArray nansum(NdArray a, int[] axes, boolean keepdims) {
        return NamedReductions.gate("nansum", a, () -> NamedReductions.sumCore(replaceNan(a, 0), axes, null, keepdims));
    }

    static NdArray nanprod(NdArray a, int[] axes, boolean keepdims) {
        return NamedReductions.gate("nanprod", a,
                () -> Reduction.reduce(Ufuncs.MULTIPLY, replaceNan(a, 1), axes, null, null, keepdims, null, null));
    }

    static NdArray nanmax(NdArray a, int[] axes, boolean keepdims) {
        return NamedReductions.gate("nanmax", a, () -> Reduction.reduce(a.dtype.isFloating() ? Ufuncs.FMAX : Ufuncs.MAXIMUM,
                a, axes, null, null, keepdims, null, null));
    }

    static NdArray nanmin(NdArray a, int[] axes, boolean keepdims) {
        return NamedReductions.gate("nanmin", a, () -> Reduction.reduce(a.dtype.isFloating() ? Ufuncs.FMIN : Ufuncs.MINIMUM,
                a, axes, null, null, keepdims, null, null));
    }

    static NdArray nanmean(NdArray a, int[] axes, boolean keepdims) {
        return NamedReductions.gate("nanmean", a, () -> nanmeanCore(a, axes, keepdims));
    }

    static NdArray nanvar(NdArray a, int[] axes, double ddof, boolean keepdims) {
        return NamedReductions.gate("nanvar", a, () -> nanvarCore(a, axes, ddof, keepdims));
    }

    static NdArray nanstd(NdArray a, int[] axes, double ddof, boolean keepdims) {
        return NamedReductions.gate("nanstd", a, () -> NamedReductions.sqrtKeep(nanvarCore(a, axes, ddof, keepdims)));
    }

    static NdArray nanargmax(NdArray a, Integer axis) {
        return NamedReductions.gate("nanargmax", a, () -> nanarg("argmax", a, axis));
    }

    static NdArray nanargmin(NdArray a, Integer axis) {
        return NamedReductions.gate("nanargmin", a, () -> nanarg("argmin", a, axis));
    }

    // ---- bodies ----

    private static NdArray replaceNan(NdArray a, double value) {
        if (!a.dtype.isFloating()) {
            return a;
        }
        return apply(Ufuncs.WHERE, apply(Ufuncs.ISNAN, a), Nd.scalar(value, a.dtype), a);
    }

    private static NdArray nanmeanCore(NdArray a, int[] axes, boolean keepdims) {
        if (!a.dtype.isFloating()) {
            return NamedReductions.meanCore(a, axes, null, keepdims);
        }
        NdArray valid = apply(Ufuncs.LOGICAL_NOT, apply(Ufuncs.ISNAN, a));
        NdArray cnt = NamedReductions.sumCore(valid, axes, null, keepdims);
        DType acc = NamedReductions.statsType(a.dtype);
        NdArray tot = NamedReductions.sumCore(replaceNan(a, 0), axes, acc, keepdims);
        NdArray r = NamedReductions.divideInPlace(tot, cnt);
        return a.dtype == DType.FLOAT16 ? Execution.copyAs(r, DType.FLOAT16) : r;
    }

    private static NdArray nanvarCore(NdArray a, int[] axes, double ddof, boolean keepdims) {
        if (!a.dtype.isFloating()) {
            return NamedReductions.varCore(a, axes, ddof, keepdims);
        }
        DType acc = NamedReductions.statsType(a.dtype);
        NdArray nan = apply(Ufuncs.ISNAN, a);
        NdArray arr = Execution.copyAs(replaceNan(a, 0), acc);
        NdArray cnt = NamedReductions.sumCore(apply(Ufuncs.LOGICAL_NOT, nan), axes, null, true);
        NdArray avg = NamedReductions.divideInPlace(NamedReductions.sumCore(arr, axes, acc, true), cnt);
        NdArray dev = apply(Ufuncs.WHERE, nan, Nd.scalar(0, acc), apply(Ufuncs.SUBTRACT, arr, avg));
        NdArray var = NamedReductions.sumCore(apply(Ufuncs.MULTIPLY, dev, dev), axes, acc, keepdims);
        NdArray dof = apply(Ufuncs.SUBTRACT, keepdims ? cnt : squeezeReduced(cnt, a.ndim(), axes), ddof);
        NdArray r = NamedReductions.divideInPlace(var, dof);
        r = apply(Ufuncs.WHERE, apply(Ufuncs.LESS_EQUAL, dof, 0.0), Nd.scalar(Double.NaN, acc), r);
        return a.dtype == DType.FLOAT16 ? Execution.copyAs(r, DType.FLOAT16) : r;
    }

    private static NdArray squeezeReduced(NdArray kept, int ndim, int[] axes) {
        boolean[] reduced = new boolean[ndim];
        if (axes == null) {
            java.util.Arrays.fill(reduced, true);
        } else {
            for (int ax : Shape.axes(axes, ndim)) {
                reduced[ax] = true;
            }
        }
        return kept.reshape(Reduction.keptShape(kept.shape, reduced, false));
    }

    private static NdArray nanarg(String which, NdArray a, Integer axis) {
        if (!a.dtype.isFloating()) {
            return ArgReduction.arg(which, a, axis);
        }
        NdArray nan = apply(Ufuncs.ISNAN, a);
        NdArray allNan = axis == null ? Reduction.reduce(Ufuncs.LOGICAL_AND, nan, null, null, null, false, null, null)
                : Reduction.reduce(Ufuncs.LOGICAL_AND, nan, new int[] {axis}, null, null, false, null, null);
        if (a.size() > 0 && Reduction.reduce(Ufuncs.LOGICAL_OR, allNan, null, null, null, false, null, null).item() != 0) {
            throw new IllegalArgumentException("All-NaN slice encountered");
        }
        double fill = which.equals("argmax") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        return ArgReduction.arg(which, apply(Ufuncs.WHERE, nan, Nd.scalar(fill, a.dtype), a), axis);
    }
}
