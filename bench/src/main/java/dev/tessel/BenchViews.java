package dev.tessel;

/**
 * Package-private doors the ownership benchmarks need before the public slicing API lands:
 * a 1-D slice view and an assign that takes no leases (to measure what leases add). Remove
 * {@link #slice} once {@code NdArray} has public slicing.
 */
public final class BenchViews {
    private BenchViews() {
    }

    /** Elements {@code [lo, hi)} of a 1-D array, as a view sharing its storage. */
    public static NdArray slice(NdArray a, long lo, long hi) {
        return a.view(new long[] {hi - lo}, new long[] {a.strides[0]}, a.offset + lo * a.strides[0]);
    }

    /** {@code dst.assign(src)} for same-shape arrays, without taking leases. */
    public static void assignWithoutLeases(NdArray dst, NdArray src) {
        Assign.copy(src, dst);
    }
}
