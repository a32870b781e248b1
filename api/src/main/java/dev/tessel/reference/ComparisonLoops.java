package dev.tessel.reference;

import static dev.tessel.reference.ScalarKernels.binaryF;
import static dev.tessel.reference.ScalarKernels.binaryL;
import static dev.tessel.reference.ScalarKernels.compareF;
import static dev.tessel.reference.ScalarKernels.compareL;

import dev.tessel.DType;
import dev.tessel.spi.StridedLoop;

/**
 * Comparisons, maximum/minimum (NaN propagates), fmax/fmin (NaN is skipped), clip, and the
 * three-way {@code where}. Integers compare as longs, so int64 is exact.
 *
 * <p>Signed zeros follow NumPy's float32 and float64 array loops: maximum, minimum, fmax and
 * fmin return the second operand when the two compare equal, so clip returns the bound when x
 * equals it.
 */
final class ComparisonLoops {
    private ComparisonLoops() {
    }

    static void register(LoopTable t) {
        DType z = DType.BOOL;
        for (DType d : LoopTypes.ALL) {
            if (d.isFloating()) {
                registerFloats(t, d);
            } else {
                registerIntegers(t, d);
            }
            t.put("where", where(d), z, d, d, d);
        }
    }

    private static void registerIntegers(LoopTable t, DType d) {
        DType z = DType.BOOL;
        t.put("equal", compareL(d, (long a, long b) -> a == b), d, d, z);
        t.put("not_equal", compareL(d, (long a, long b) -> a != b), d, d, z);
        t.put("less", compareL(d, (long a, long b) -> a < b), d, d, z);
        t.put("less_equal", compareL(d, (long a, long b) -> a <= b), d, d, z);
        t.put("greater", compareL(d, (long a, long b) -> a > b), d, d, z);
        t.put("greater_equal", compareL(d, (long a, long b) -> a >= b), d, d, z);
        t.put("maximum", binaryL(d, d, (long a, long b) -> Math.max(a, b)), d, d, d);
        t.put("minimum", binaryL(d, d, (long a, long b) -> Math.min(a, b)), d, d, d);
        t.put("fmax", binaryL(d, d, (long a, long b) -> Math.max(a, b)), d, d, d);
        t.put("fmin", binaryL(d, d, (long a, long b) -> Math.min(a, b)), d, d, d);
        t.put("clip", (segs, offs, st, n) -> {
            long[] o = offs.clone();
            for (long i = 0; i < n; i++, ArithmeticLoops.advance(o, st)) {
                long x = d.getLong(segs[0], o[0]);
                long v = Math.min(Math.max(x, d.getLong(segs[1], o[1])), d.getLong(segs[2], o[2]));
                d.setLong(segs[3], o[3], v);
            }
        }, d, d, d, d);
    }

    private static void registerFloats(LoopTable t, DType d) {
        DType z = DType.BOOL;
        t.put("equal", compareF(d, (double a, double b) -> a == b), d, d, z);
        t.put("not_equal", compareF(d, (double a, double b) -> a != b), d, d, z);
        t.put("less", compareF(d, (double a, double b) -> a < b), d, d, z);
        t.put("less_equal", compareF(d, (double a, double b) -> a <= b), d, d, z);
        t.put("greater", compareF(d, (double a, double b) -> a > b), d, d, z);
        t.put("greater_equal", compareF(d, (double a, double b) -> a >= b), d, d, z);
        t.put("maximum", binaryF(d, d, ComparisonLoops::maximum), d, d, d);
        t.put("minimum", binaryF(d, d, ComparisonLoops::minimum), d, d, d);
        t.put("fmax", binaryF(d, d, ComparisonLoops::fmax), d, d, d);
        t.put("fmin", binaryF(d, d, ComparisonLoops::fmin), d, d, d);
        t.put("clip", (segs, offs, st, n) -> {
            long[] o = offs.clone();
            for (long i = 0; i < n; i++, ArithmeticLoops.advance(o, st)) {
                double x = d.getDouble(segs[0], o[0]);
                double v = clip(x, d.getDouble(segs[1], o[1]), d.getDouble(segs[2], o[2]));
                d.setDouble(segs[3], o[3], v);
            }
        }, d, d, d, d);
    }

    static double maximum(double a, double b) {
        return Double.isNaN(a) ? a : a > b ? a : b;
    }

    static double minimum(double a, double b) {
        return Double.isNaN(a) ? a : a < b ? a : b;
    }

    static double fmax(double a, double b) {
        return Double.isNaN(b) ? a : Double.isNaN(a) ? b : a > b ? a : b;
    }

    static double fmin(double a, double b) {
        return Double.isNaN(b) ? a : Double.isNaN(a) ? b : a < b ? a : b;
    }

    /** NaN in x or a bound propagates. */
    static double clip(double x, double lo, double hi) {
        return minimum(maximum(x, lo), hi);
    }

    private static StridedLoop where(DType d) {
        int size = d.itemSize();
        return (segs, offs, st, n) -> {
            long[] o = offs.clone();
            for (long i = 0; i < n; i++, ArithmeticLoops.advance(o, st)) {
                boolean c = DType.BOOL.getLong(segs[0], o[0]) != 0;
                java.lang.foreign.MemorySegment.copy(segs[c ? 1 : 2], (c ? o[1] : o[2]) * size,
                        segs[3], o[3] * size, size);
            }
        };
    }
}
