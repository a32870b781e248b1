package dev.tessel;

import java.util.Arrays;

/**
 * Whole-array comparisons computed directly on elements: {@code np.array_equal} and
 * {@code np.allclose}. Integer pairs compare exactly as longs (no rounding through double).
 */
final class Equality {
    private Equality() {
    }

    /** Same shape and equal values; NaN is never equal to NaN, as {@code np.array_equal}. */
    static boolean arrayEquals(NdArray a, NdArray b) {
        if (!Arrays.equals(a.shape, b.shape)) {
            return false;
        }
        boolean exact = !a.dtype.isFloating() && !b.dtype.isFloating();
        NdArray x = a.copy();
        NdArray y = b.copy();
        for (long i = 0, n = x.size(); i < n; i++) {
            boolean same = exact ? x.dtype.getLong(x.segment(), i) == y.dtype.getLong(y.segment(), i)
                    : x.dtype.getDouble(x.segment(), i) == y.dtype.getDouble(y.segment(), i);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code |a - b| <= atol + rtol * |b|} for every pair after broadcasting, as
     * {@code np.allclose}: infinities must match exactly, NaNs match only with
     * {@code equalNan}. Shapes that do not broadcast raise {@link ShapeException}.
     */
    static boolean allclose(NdArray a, NdArray b, double rtol, double atol, boolean equalNan) {
        long[] shape = Shape.broadcast(a.shape, b.shape);
        NdArray x = a.broadcastTo(shape).copy();
        NdArray y = b.broadcastTo(shape).copy();
        for (long i = 0, n = x.size(); i < n; i++) {
            if (!close(x.dtype.getDouble(x.segment(), i), y.dtype.getDouble(y.segment(), i), rtol, atol, equalNan)) {
                return false;
            }
        }
        return true;
    }

    private static boolean close(double x, double y, double rtol, double atol, boolean equalNan) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return equalNan && Double.isNaN(x) && Double.isNaN(y);
        }
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            return x == y;
        }
        return Math.abs(x - y) <= atol + rtol * Math.abs(y);
    }
}
