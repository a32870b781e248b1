package dev.tessel;

/**
 * The bytes a view can touch, as the ledger records them: the range {@code [lo, hi)} of its
 * extent (same result as {@link Overlap#extent}, computed without allocating because every op
 * asks for it), refined by a period when the view is a strided repetition of one block.
 *
 * <p>The period: pick the axis with the largest span; if every other axis together fits in
 * one stride of it, the view touches only bytes {@code lo + k*period + [0, width)}. Two views
 * with the same period whose blocks sit at different phases (two columns of a C-ordered
 * matrix, even and odd elements, column blocks) are disjoint even though their ranges
 * overlap, so threads can write them at once. Anything else is judged by the range alone:
 * conservative, never unsafe.
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

    /** The period in bytes of a view that repeats one block along one axis, or 0. */
    static long period(NdArray a) {
        int axis = periodAxis(a);
        if (axis < 0) {
            return 0;
        }
        long period = Math.abs(a.strides[axis]) * a.dtype.itemSize();
        return blockWidth(a, axis) < period ? period : 0;
    }

    /** The width in bytes of the repeated block; meaningful when {@link #period} is not 0. */
    static long width(NdArray a) {
        int axis = periodAxis(a);
        return axis < 0 ? 0 : blockWidth(a, axis);
    }

    private static int periodAxis(NdArray a) {
        int best = -1;
        long bestSpan = 0;
        for (int i = 0; i < a.shape.length; i++) {
            long span = (a.shape[i] - 1) * Math.abs(a.strides[i]);
            if (span > bestSpan) {
                best = i;
                bestSpan = span;
            }
        }
        return best;
    }

    private static long blockWidth(NdArray a, int axis) {
        long elements = 1;
        for (int i = 0; i < a.shape.length; i++) {
            if (i != axis) {
                elements += (a.shape[i] - 1) * Math.abs(a.strides[i]);
            }
        }
        return elements * a.dtype.itemSize();
    }

    /**
     * False when two footprints with overlapping ranges still share no byte: same period, and
     * blocks at phases that do not meet on the circle of that period.
     */
    static boolean mayShare(long lo1, long period1, long width1, long lo2, long period2, long width2) {
        if (period1 == 0 || period1 != period2) {
            return true;
        }
        long d = Math.floorMod(lo2 - lo1, period1);
        return d < width1 || period1 - d < width2;
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
