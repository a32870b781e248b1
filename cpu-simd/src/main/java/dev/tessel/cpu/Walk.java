package dev.tessel.cpu;

/**
 * Stride rewrites shared by the elementwise loops. An elementwise loop computes element
 * {@code i} from elements {@code i} only, so a run whose strides are all -1 or 0 (a reversed
 * view, possibly with broadcast scalars) can be walked forwards from its last element: the
 * contiguous SIMD path then serves reversed views too.
 */
final class Walk {
    private Walk() {
    }

    /** True when every stride is -1 or 0 and at least one is -1. */
    static boolean flippable(long[] strides) {
        boolean any = false;
        for (long s : strides) {
            if (s == -1) {
                any = true;
            } else if (s != 0) {
                return false;
            }
        }
        return any;
    }

    /** Offsets of the first elements of a flippable run, which becomes a forward one. */
    static long[] flip(long[] offs, long[] strides, long n) {
        long[] o = offs.clone();
        for (int k = 0; k < o.length; k++) {
            if (strides[k] == -1) {
                o[k] -= n - 1;
            }
        }
        return o;
    }

    /** The forward strides of a flippable run: -1 becomes 1, 0 stays 0. */
    static long[] unit(long[] strides) {
        long[] s = new long[strides.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = -strides[k];
        }
        return s;
    }
}
