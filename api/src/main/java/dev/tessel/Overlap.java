package dev.tessel;

/** Conservative overlap tests between views of one storage, by their byte extents. */
final class Overlap {
    private Overlap() {
    }

    /** False only when the two views certainly touch no common element. */
    static boolean mayOverlap(NdArray a, NdArray b) {
        if (a.storage != b.storage || a.size() == 0 || b.size() == 0) {
            return false;
        }
        long[] ea = extent(a);
        long[] eb = extent(b);
        return ea[0] < eb[1] && eb[0] < ea[1];
    }

    /** Byte range {@code [lo, hi)} that a view can touch. */
    static long[] extent(NdArray a) {
        long lo = a.offset;
        long hi = a.offset;
        for (int i = 0; i < a.shape.length; i++) {
            long span = (a.shape[i] - 1) * a.strides[i];
            if (span < 0) {
                lo += span;
            } else {
                hi += span;
            }
        }
        int item = a.dtype.itemSize();
        return new long[] {lo * item, (hi + 1) * item};
    }
}
