package dev.tessel;

/**
 * NumPy's named reductions with every option: {@code axes} (null for all), {@code keepdims},
 * {@code ddof}, {@code dtype}. The shortcuts on {@link NdArray} and {@link Nd} are the short
 * forms of these.
 *
 * <p>Result dtypes follow NumPy: sum/prod/cumsum/cumprod of bool and integers narrower than
 * int64 give int64; mean/var/std of integers give float64; of float16, float16 (computed in
 * float32); min/max keep the dtype; argmin/argmax give int64; any/all give bool.
 *
 * <p>The overloads taking {@link ReduceOptions} add NumPy's {@code out}, {@code where} and
 * {@code initial} keywords (max/min need {@code initial} to take a mask, as in NumPy).
 */
public final class Reductions {
    private Reductions() {
    }

    public static NdArray sum(NdArray a, int[] axes, DType dtype, boolean keepdims) {
        return NamedReductions.sum(a, axes, dtype, keepdims);
    }

    public static NdArray prod(NdArray a, int[] axes, DType dtype, boolean keepdims) {
        return NamedReductions.prod(a, axes, dtype, keepdims);
    }

    public static NdArray max(NdArray a, int[] axes, boolean keepdims) {
        return NamedReductions.max(a, axes, keepdims);
    }

    public static NdArray min(NdArray a, int[] axes, boolean keepdims) {
        return NamedReductions.min(a, axes, keepdims);
    }

    public static NdArray mean(NdArray a, int[] axes, DType dtype, boolean keepdims) {
        return NamedReductions.mean(a, axes, dtype, keepdims);
    }

    public static NdArray var(NdArray a, int[] axes, double ddof, boolean keepdims) {
        return NamedReductions.var(a, axes, ddof, keepdims);
    }

    public static NdArray std(NdArray a, int[] axes, double ddof, boolean keepdims) {
        return NamedReductions.std(a, axes, ddof, keepdims);
    }

    public static NdArray any(NdArray a, int[] axes, boolean keepdims) {
        return NamedReductions.any(a, axes, keepdims);
    }

    public static NdArray all(NdArray a, int[] axes, boolean keepdims) {
        return NamedReductions.all(a, axes, keepdims);
    }

    /** Position of the maximum along {@code axis}, or in the flattened array when axis is null. */
    public static NdArray argmax(NdArray a, Integer axis) {
        return ArgReduction.argmax(a, axis);
    }

    public static NdArray argmin(NdArray a, Integer axis) {
        return ArgReduction.argmin(a, axis);
    }

    /** Cumulative sum along {@code axis}, or of the flattened array when axis is null. */
    public static NdArray cumsum(NdArray a, Integer axis) {
        return NamedReductions.cumsum(a, axis);
    }

    public static NdArray cumprod(NdArray a, Integer axis) {
        return NamedReductions.cumprod(a, axis);
    }

    public static NdArray nansum(NdArray a, int[] axes, boolean keepdims) {
        return NanReductions.nansum(a, axes, keepdims);
    }

    public static NdArray nanprod(NdArray a, int[] axes, boolean keepdims) {
        return NanReductions.nanprod(a, axes, keepdims);
    }

    public static NdArray nanmax(NdArray a, int[] axes, boolean keepdims) {
        return NanReductions.nanmax(a, axes, keepdims);
    }

    public static NdArray nanmin(NdArray a, int[] axes, boolean keepdims) {
        return NanReductions.nanmin(a, axes, keepdims);
    }

    public static NdArray nanmean(NdArray a, int[] axes, boolean keepdims) {
        return NanReductions.nanmean(a, axes, keepdims);
    }

    public static NdArray nanvar(NdArray a, int[] axes, double ddof, boolean keepdims) {
        return NanReductions.nanvar(a, axes, ddof, keepdims);
    }

    public static NdArray nanstd(NdArray a, int[] axes, double ddof, boolean keepdims) {
        return NanReductions.nanstd(a, axes, ddof, keepdims);
    }

    public static NdArray nanargmax(NdArray a, Integer axis) {
        return NanReductions.nanargmax(a, axis);
    }

    public static NdArray nanargmin(NdArray a, Integer axis) {
        return NanReductions.nanargmin(a, axis);
    }

    // ---- with every keyword: out, where, initial (ReduceOptions) ----

    public static NdArray sum(NdArray a, ReduceOptions options) {
        return OptionReductions.sum(a, options);
    }

    public static NdArray prod(NdArray a, ReduceOptions options) {
        return OptionReductions.prod(a, options);
    }

    public static NdArray max(NdArray a, ReduceOptions options) {
        return OptionReductions.max(a, options);
    }

    public static NdArray min(NdArray a, ReduceOptions options) {
        return OptionReductions.min(a, options);
    }

    public static NdArray mean(NdArray a, ReduceOptions options) {
        return OptionReductions.mean(a, options);
    }

    public static NdArray var(NdArray a, ReduceOptions options) {
        return OptionReductions.var(a, options);
    }

    public static NdArray std(NdArray a, ReduceOptions options) {
        return OptionReductions.std(a, options);
    }

    public static NdArray any(NdArray a, ReduceOptions options) {
        return OptionReductions.any(a, options);
    }

    public static NdArray all(NdArray a, ReduceOptions options) {
        return OptionReductions.all(a, options);
    }

    public static NdArray nansum(NdArray a, ReduceOptions options) {
        return OptionReductions.nansum(a, options);
    }

    public static NdArray nanprod(NdArray a, ReduceOptions options) {
        return OptionReductions.nanprod(a, options);
    }

    public static NdArray nanmax(NdArray a, ReduceOptions options) {
        return OptionReductions.nanmax(a, options);
    }

    public static NdArray nanmin(NdArray a, ReduceOptions options) {
        return OptionReductions.nanmin(a, options);
    }

    public static NdArray nanmean(NdArray a, ReduceOptions options) {
        return OptionReductions.nanmean(a, options);
    }

    public static NdArray nanvar(NdArray a, ReduceOptions options) {
        return OptionReductions.nanvar(a, options);
    }

    public static NdArray nanstd(NdArray a, ReduceOptions options) {
        return OptionReductions.nanstd(a, options);
    }
}
