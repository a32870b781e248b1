package dev.tessel;

/**
 * The byte range a view can touch, as the ledger records it: {@code [lo, hi)} of its extent.
 * Same result as {@link Overlap#extent}, computed without allocating because every op asks
 * for it. A strided view's extent covers the gaps between its elements, so two interleaved
 * views (even and odd elements) count as overlapping: conservative, never unsafe.
 */
final class Footprint {
    private Footprint() {
    }

    static long lo(NdArray a) {
        long lo = a.offset;
        for (int i = 0; i < a.shape.length; i++) {
            long span = (a.shape[i] - 1) * a.strides[i];
            if (span < 0) {
                lo += span;
            }
        }
        return lo * a.dtype.itemSize();
    }

    static long hi(NdArray a) {
        long hi = a.offset;
        for (int i = 0; i < a.shape.length; i++) {
            long span = (a.shape[i] - 1) * a.strides[i];
            if (span > 0) {
                hi += span;
            }
        }
        return (hi + 1) * a.dtype.itemSize();
    }

    /** True when the view touches no element, so it needs no lease. */
    static boolean isEmpty(NdArray a) {
        for (long n : a.shape) {
            if (n == 0) {
                return true;
            }
        }
        return false;
    }
}
