package dev.tessel.gpu;

import dev.tessel.DType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

/** Seeded test data in host segments, with the special values each dtype has. */
final class HostData {
    private static final double[] SPECIAL_F = {
        0.0, -0.0, 1.0, -1.0, 0.5, 2.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        1e-30, -1e30, 3.0,
    };
    private static final long[] SPECIAL_I32 = {0, 1, -1, 2, -2, 31, 32, 33, Integer.MIN_VALUE, Integer.MAX_VALUE, 7, -7};
    private static final long[] SPECIAL_I64 = {0, 1, -1, 2, -2, 63, 64, 65, Long.MIN_VALUE, Long.MAX_VALUE, 7, -7};

    private HostData() {
    }

    static MemorySegment allocate(DType t, long n) {
        return Arena.ofAuto().allocate(Math.max(1, n) * t.itemSize(), 64);
    }

    /** {@code n} values: specials first, then random ones spread over many magnitudes. */
    static MemorySegment random(DType t, long n, long seed) {
        MemorySegment s = allocate(t, n);
        SplittableRandom r = new SplittableRandom(seed);
        for (long i = 0; i < n; i++) {
            if (t.isFloating()) {
                double v = i < SPECIAL_F.length && seed % 2 == 0 ? SPECIAL_F[(int) i]
                        : r.nextDouble(-4, 4) * Math.pow(10, r.nextInt(-3, 4));
                t.setDouble(s, i, v);
            } else {
                long[] sp = t == DType.INT32 ? SPECIAL_I32 : SPECIAL_I64;
                long v = i < sp.length && seed % 2 == 0 ? sp[(int) i]
                        : (r.nextInt(4) == 0 ? r.nextLong(-70, 70) : r.nextLong());
                t.setLong(s, i, v);
            }
        }
        return s;
    }

    /** Distance in units in the last place; 0 for equal values, both NaN, or the same infinity. */
    static double ulps(DType t, double a, double b) {
        if (a == b || (a != a && b != b)) {
            return 0;
        }
        if (a != a || b != b || Double.isInfinite(a) || Double.isInfinite(b)) {
            return Double.POSITIVE_INFINITY;
        }
        double ulp = t == DType.FLOAT32 ? Math.ulp((float) Math.max(Math.abs(a), Math.abs(b)))
                : Math.ulp(Math.max(Math.abs(a), Math.abs(b)));
        return Math.abs(a - b) / ulp;
    }
}
