package dev.tessel.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.ReduceLoop;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reductions and arg-reductions against sequential NumPy-rule oracles, over awkward sizes and
 * strides 1, -1, 2, -3 and 0; float sums against an exact sum with the pairwise error bound,
 * and bit-identical whatever the stride.
 */
class FoldTest {
    private static final SimdBackend SIMD = new SimdBackend();
    private static final long[] STRIDES = {1, -1, 2, -3, 0};

    private static long[] sizes(DType t) {
        return LongStream.concat(LongStream.of(Samples.sizes(Samples.lanes(t))), LongStream.of(5000, 100_003))
                .toArray();
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64", "INT32", "INT64"})
    void maximumAndMinimumMatchASequentialFold(DType t) {
        Random rnd = new Random(11 + t.ordinal());
        for (String u : List.of("maximum", "minimum")) {
            ReduceLoop loop = SIMD.reduceLoop(u, t);
            assertNotNull(loop, u + " " + t);
            for (long stride : STRIDES) {
                for (long n : sizes(t)) {
                    Samples.Run r = Samples.run(t, n, stride, rnd);
                    MemorySegment out = Samples.run(t, 1, 1, rnd).seg();
                    double expected = t.getDouble(out, Samples.SLACK);
                    long expectedLong = t.getLong(out, Samples.SLACK);
                    for (long i = 0; i < n; i++) {
                        boolean max = u.equals("maximum");
                        double x = t.getDouble(r.seg(), r.off() + i * stride);
                        long xl = t.getLong(r.seg(), r.off() + i * stride);
                        expected = max ? Math.max(expected, x) : Math.min(expected, x);
                        expectedLong = max ? Math.max(expectedLong, xl) : Math.min(expectedLong, xl);
                    }
                    loop.run(r.seg(), r.off(), stride, n, out, Samples.SLACK);
                    String what = u + " " + t + " n=" + n + " stride=" + stride;
                    if (t.isFloating()) {
                        double got = t.getDouble(out, Samples.SLACK);
                        // The sign of a zero extreme is not fixed (NumPy's own max of [-0.0, 0.0] depends on order).
                        assertTrue(Double.isNaN(expected) ? Double.isNaN(got) : got == expected, what + ": " + got + " vs " + expected);
                    } else {
                        assertEquals(expectedLong, t.getLong(out, Samples.SLACK), what);
                    }
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void logicalOrAndAndOfBools() {
        Random rnd = new Random(41);
        ReduceLoop any = SIMD.reduceLoop("logical_or", DType.BOOL);
        ReduceLoop all = SIMD.reduceLoop("logical_and", DType.BOOL);
        for (long stride : STRIDES) {
            for (long n : sizes(DType.INT8)) {
                for (int density : new int[] {0, 1, 50, 99, 100}) { // percent of true elements
                    Samples.Run r = Samples.run(DType.BOOL, n, stride, rnd);
                    for (long i = 0; i < n; i++) {
                        boolean v = rnd.nextInt(100) < density && (density != 1 || i == n / 2);
                        // nonzero bytes other than 1 are true too
                        r.seg().set(java.lang.foreign.ValueLayout.JAVA_BYTE, r.off() + i * stride, (byte) (v ? 1 + rnd.nextInt(3) : 0));
                    }
                    boolean anyTrue = false;
                    boolean allTrue = true;
                    for (long i = 0; i < n; i++) { // read back: with stride 0 the last write wins
                        boolean v = r.seg().get(java.lang.foreign.ValueLayout.JAVA_BYTE, r.off() + i * stride) != 0;
                        anyTrue |= v;
                        allTrue &= v;
                    }
                    for (int start = 0; start < 2; start++) {
                        MemorySegment out = Arena.ofAuto().allocate(2);
                        out.set(java.lang.foreign.ValueLayout.JAVA_BYTE, 0, (byte) start);
                        out.set(java.lang.foreign.ValueLayout.JAVA_BYTE, 1, (byte) start);
                        any.run(r.seg(), r.off(), stride, n, out, 0);
                        all.run(r.seg(), r.off(), stride, n, out, 1);
                        String what = "n=" + n + " stride=" + stride + " density=" + density + " start=" + start;
                        assertEquals(start == 1 || anyTrue ? 1 : 0, out.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0), "any " + what);
                        assertEquals(start == 1 && allTrue ? 1 : 0, out.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 1), "all " + what);
                    }
                }
            }
        }
    }

    /** The project's oracle: the reference backend's own reductions, for every fold both provide. */
    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64", "INT32", "INT64"})
    void agreesWithTheReferenceBackend(DType t) {
        var ref = dev.tessel.reference.ReferenceBackend.INSTANCE;
        Random rnd = new Random(47 + t.ordinal());
        int compared = 0;
        for (String u : List.of("maximum", "minimum", "fmax", "fmin", "add", "multiply", "argmax", "argmin")) {
            boolean arg = u.startsWith("arg");
            if (t.isFloating() && (u.equals("add") || u.equals("multiply"))) {
                continue; // rounding order differs by design; the pairwise test above bounds the error
            }
            ReduceLoop mine = arg ? null : SIMD.reduceLoop(u, t);
            ReduceLoop theirs = arg ? null : ref.reduceLoop(u, t);
            if (!arg && (mine == null || theirs == null)) {
                continue;
            }
            for (long stride : STRIDES) {
                for (long n : sizes(t)) {
                    Samples.Run r = Samples.run(t, n, stride, rnd);
                    String what = u + " " + t + " n=" + n + " stride=" + stride;
                    if (arg) {
                        if (n > 0) {
                            assertEquals(ref.argLoop(u, t).run(r.seg(), r.off(), stride, n),
                                    SIMD.argLoop(u, t).run(r.seg(), r.off(), stride, n), what);
                            compared++;
                        }
                        continue;
                    }
                    MemorySegment a = Samples.run(t, 1, 1, rnd).seg();
                    MemorySegment b = ScalarOracle.copy(a);
                    mine.run(r.seg(), r.off(), stride, n, a, Samples.SLACK);
                    theirs.run(r.seg(), r.off(), stride, n, b, Samples.SLACK);
                    double x = t.getDouble(a, Samples.SLACK);
                    double y = t.getDouble(b, Samples.SLACK);
                    assertTrue(t.isFloating() ? (Double.isNaN(y) ? Double.isNaN(x) : x == y)
                            : t.getLong(a, Samples.SLACK) == t.getLong(b, Samples.SLACK), what + ": " + x + " vs " + y);
                    compared++;
                }
            }
        }
        assertTrue(compared > 100, "only " + compared + " comparisons with the reference");
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void fmaxAndFminSkipNaNs(DType t) {
        Random rnd = new Random(43 + t.ordinal());
        for (String u : List.of("fmax", "fmin")) {
            ReduceLoop loop = SIMD.reduceLoop(u, t);
            for (long stride : STRIDES) {
                for (long n : sizes(t)) {
                    for (int nanPercent : new int[] {10, 100}) {
                        Samples.Run r = Samples.run(t, n, stride, rnd);
                        for (long i = 0; i < n; i++) {
                            if (rnd.nextInt(100) < nanPercent) {
                                t.setDouble(r.seg(), r.off() + i * stride, Double.NaN);
                            }
                        }
                        MemorySegment out = Arena.ofAuto().allocate(t.itemSize(), 64);
                        t.setDouble(out, 0, Double.NaN);
                        double expected = Double.NaN;
                        for (long i = 0; i < n; i++) {
                            double x = t.getDouble(r.seg(), r.off() + i * stride);
                            expected = Double.isNaN(expected) ? x : Double.isNaN(x) ? expected
                                    : u.equals("fmax") ? Math.max(expected, x) : Math.min(expected, x);
                        }
                        loop.run(r.seg(), r.off(), stride, n, out, 0);
                        double got = t.getDouble(out, 0);
                        assertTrue(Double.isNaN(expected) ? Double.isNaN(got) : got == expected,
                                u + " " + t + " n=" + n + " stride=" + stride + " NaN%=" + nanPercent + ": " + got + " vs " + expected);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"INT32", "INT64"})
    void integerSumAndProductWrapExactly(DType t) {
        Random rnd = new Random(5 + t.ordinal());
        for (String u : List.of("add", "multiply")) {
            ReduceLoop loop = SIMD.reduceLoop(u, t);
            for (long stride : STRIDES) {
                for (long n : sizes(t)) {
                    Samples.Run r = Samples.run(t, n, stride, rnd);
                    MemorySegment out = Samples.run(t, 1, 1, rnd).seg();
                    long expected = t.getLong(out, Samples.SLACK);
                    for (long i = 0; i < n; i++) {
                        long x = t.getLong(r.seg(), r.off() + i * stride);
                        expected = u.equals("add") ? expected + x : expected * x;
                    }
                    t.setLong(out, 0, expected); // wraps to the dtype the way the loop must
                    loop.run(r.seg(), r.off(), stride, n, out, Samples.SLACK);
                    assertEquals(t.getLong(out, 0), t.getLong(out, Samples.SLACK), u + " " + t + " n=" + n + " stride=" + stride);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void floatSumIsPairwiseAccurateAndIndependentOfStride(DType t) {
        Random rnd = new Random(3 + t.ordinal());
        ReduceLoop loop = SIMD.reduceLoop("add", t);
        double eps = t == DType.FLOAT32 ? 0x1p-24 : 0x1p-53;
        for (long n : sizes(t)) {
            MemorySegment x = Arena.ofAuto().allocate(Math.max(1, n) * t.itemSize(), 64);
            BigDecimal exact = BigDecimal.ZERO;
            double absSum = 0;
            for (long i = 0; i < n; i++) {
                t.setDouble(x, i, rnd.nextGaussian() * Math.pow(10, rnd.nextInt(5)) + 3);
                double v = t.getDouble(x, i);
                exact = exact.add(new BigDecimal(v));
                absSum += Math.abs(v);
            }
            double got = sum(loop, t, x, 0, 1, n);
            double depth = 32 + 2 + Math.log(Samples.lanes(t)) / Math.log(2) + Math.log(Math.max(1, n)) / Math.log(2);
            double err = Math.abs(new BigDecimal(got).subtract(exact).doubleValue());
            assertTrue(err <= depth * eps * absSum, t + " n=" + n + ": error " + err + " above bound " + depth * eps * absSum);
            for (long stride : new long[] {2, -1, -3}) {
                long span = Math.abs(stride) * Math.max(0, n - 1) + 1;
                MemorySegment y = Arena.ofAuto().allocate(span * t.itemSize(), 64);
                long off = stride < 0 ? span - 1 : 0;
                for (long i = 0; i < n; i++) {
                    t.setDouble(y, off + i * stride, t.getDouble(x, i));
                }
                double strided = sum(loop, t, y, off, stride, n);
                assertEquals(Double.doubleToLongBits(got), Double.doubleToLongBits(strided),
                        t + " n=" + n + ": stride " + stride + " gave " + strided + ", contiguous " + got);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void floatSumAndProductPropagateSpecials(DType t) {
        int lanes = Samples.lanes(t);
        long n = 40L * lanes + 3;
        for (String u : List.of("add", "multiply")) {
            ReduceLoop loop = SIMD.reduceLoop(u, t);
            for (long pos : new long[] {0, n / 2, n - 1}) {
                assertTrue(Double.isNaN(fold(loop, t, n, pos, Double.NaN, Double.NaN)), u + " NaN at " + pos);
                assertEquals(Double.POSITIVE_INFINITY, fold(loop, t, n, pos, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
                double other = u.equals("add") ? Double.NEGATIVE_INFINITY : 0.0; // inf - inf and inf * 0 are NaN
                assertTrue(Double.isNaN(fold(loop, t, n, pos, Double.POSITIVE_INFINITY, other)), u + " inf with " + other + " at " + pos);
                assertEquals(Double.NEGATIVE_INFINITY, fold(loop, t, n, pos, Double.NEGATIVE_INFINITY, 2.0), u);
            }
        }
    }

    /** Product or sum of n ones with {@code a} at pos and {@code b} at the other end of the run. */
    private static double fold(ReduceLoop loop, DType t, long n, long pos, double a, double b) {
        MemorySegment x = Arena.ofAuto().allocate(n * t.itemSize(), 64);
        for (long i = 0; i < n; i++) {
            t.setDouble(x, i, 1);
        }
        t.setDouble(x, pos == n - 1 ? 0 : n - 1, b);
        t.setDouble(x, pos, a);
        MemorySegment out = Arena.ofAuto().allocate(t.itemSize(), 64);
        t.setDouble(out, 0, 1);
        loop.run(x, 0, 1, n, out, 0);
        return t.getDouble(out, 0);
    }

    private static double sum(ReduceLoop loop, DType t, MemorySegment x, long off, long stride, long n) {
        MemorySegment out = Arena.ofAuto().allocate(t.itemSize(), 64);
        loop.run(x, off, stride, n, out, 0);
        return t.getDouble(out, 0);
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64", "INT32", "INT64"})
    void argMinAndArgMaxFindTheFirstExtremeOrTheFirstNan(DType t) {
        Random rnd = new Random(17 + t.ordinal());
        for (String which : List.of("argmax", "argmin")) {
            ArgLoop loop = SIMD.argLoop(which, t);
            assertNotNull(loop, which + " " + t);
            for (long stride : STRIDES) {
                for (long n : sizes(t)) {
                    if (n == 0) {
                        continue;
                    }
                    for (int variant = 0; variant < 2; variant++) {
                        Samples.Run r = Samples.run(t, n, stride, rnd);
                        if (variant == 1) { // few distinct values, so "first" matters; no NaN
                            for (long i = 0; i < n; i++) {
                                t.setDouble(r.seg(), r.off() + i * stride, rnd.nextInt(3) - 1);
                            }
                        }
                        long expected = firstExtreme(t, r, n, which.equals("argmax"));
                        assertEquals(expected, loop.run(r.seg(), r.off(), stride, n),
                                which + " " + t + " n=" + n + " stride=" + stride);
                    }
                }
            }
        }
    }

    private static long firstExtreme(DType t, Samples.Run r, long n, boolean max) {
        long best = 0;
        for (long i = 0; i < n; i++) {
            long at = r.off() + i * r.stride();
            if (t.isFloating()) {
                double x = t.getDouble(r.seg(), at);
                double b = t.getDouble(r.seg(), r.off() + best * r.stride());
                if (Double.isNaN(x)) {
                    return i;
                }
                if (max ? x > b : x < b) {
                    best = i;
                }
            } else {
                long x = t.getLong(r.seg(), at);
                long b = t.getLong(r.seg(), r.off() + best * r.stride());
                if (max ? x > b : x < b) {
                    best = i;
                }
            }
        }
        return best;
    }
}
