package dev.tessel.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.ReduceLoop;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The paths of {@code Float32Extremes}/{@code Float64Extremes} against sequential NumPy-rule
 * oracles: a NaN in every lane and unroll slot of the first iterations, at block edges and in
 * the scalar tail; two NaNs (the first wins); ties across blocks; -0.0 with 0.0; both
 * infinities in one block (the running sum turns NaN without a NaN); length 1.
 */
class ExtremesTest {
    private static final SimdBackend SIMD = new SimdBackend();
    /** The kernels' unroll (compare-blend chains) and block length in vectors. */
    private static final int UNROLL = 8;
    private static final int BLOCK_VECTORS = 32 * UNROLL;
    private static final List<String> FOLDS = List.of("maximum", "minimum");
    private static final List<String> ARGS = List.of("argmax", "argmin");

    private static long[] sizes(int lanes) {
        long body = (long) UNROLL * lanes;
        long block = (long) BLOCK_VECTORS * lanes;
        return new long[] {1, body - 1, body, body + 5, 2 * body, block - 1, block, block + body + 3, 3 * block + 17};
    }

    /** Every position of the first two unrolled iterations, block edges, the tail, a few random ones. */
    private static TreeSet<Long> nanPositions(long n, int lanes, Random rnd) {
        TreeSet<Long> at = new TreeSet<>();
        long block = (long) BLOCK_VECTORS * lanes;
        for (long p = 0; p < 2L * UNROLL * lanes; p++) {
            at.add(p);
        }
        for (long edge = block; edge < n; edge += block) {
            for (long d = -lanes - 1; d <= lanes + 1; d++) {
                at.add(edge + d);
            }
        }
        for (long d = 1; d <= UNROLL * lanes + 1; d++) {
            at.add(n - d);
        }
        for (int k = 0; k < 20; k++) {
            at.add((long) rnd.nextInt((int) n));
        }
        at.removeIf(p -> p < 0 || p >= n);
        return at;
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void aNanAnywhereWinsAndTheFirstNanIsTheArgument(DType t) {
        Random rnd = new Random(7 + t.ordinal());
        int lanes = Samples.lanes(t);
        for (long n : sizes(lanes)) {
            MemorySegment x = gaussian(t, n, rnd);
            for (long p : nanPositions(n, lanes, rnd)) {
                double old = t.getDouble(x, p);
                t.setDouble(x, p, Double.NaN);
                long second = p + 1 + rnd.nextInt((int) Math.max(1, n - p));
                double oldSecond = second < n ? t.getDouble(x, second) : 0;
                if (second < n && rnd.nextBoolean()) {
                    t.setDouble(x, second, Double.NaN);
                }
                checkAll(t, x, n, "n=" + n + " NaN at " + p);
                if (second < n) {
                    t.setDouble(x, second, oldSecond);
                }
                t.setDouble(x, p, old);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void tiesSignedZerosAndInfinitiesFollowNumPy(DType t) {
        Random rnd = new Random(13 + t.ordinal());
        int lanes = Samples.lanes(t);
        double[][] pools = {
            {-1, 0, 1}, // many ties of the extreme, in many blocks
            {0.0, -0.0}, // equal zeros: the first of either sign is the argument
            {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, -1}, // sum NaN without a NaN
            {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 2, 3, 4, 5, 6, 7, 8},
            {t == DType.FLOAT32 ? 3e38 : 1.7e308, t == DType.FLOAT32 ? -3e38 : -1.7e308}, // sums overflow
            {5}, // all equal
        };
        for (long n : sizes(lanes)) {
            for (double[] pool : pools) {
                for (int rep = 0; rep < 3; rep++) {
                    MemorySegment x = Arena.ofAuto().allocate(n * t.itemSize(), 64);
                    for (long i = 0; i < n; i++) {
                        t.setDouble(x, i, pool[rnd.nextInt(pool.length)]);
                    }
                    checkAll(t, x, n, "n=" + n + " pool " + java.util.Arrays.toString(pool));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void theExtremeInOneLateLaneOrInTheTail(DType t) {
        Random rnd = new Random(19 + t.ordinal());
        int lanes = Samples.lanes(t);
        for (long n : sizes(lanes)) {
            MemorySegment x = gaussian(t, n, rnd);
            for (long p : nanPositions(n, lanes, rnd)) {
                double old = t.getDouble(x, p);
                for (double v : new double[] {1e30, -1e30, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                    t.setDouble(x, p, v);
                    checkAll(t, x, n, "n=" + n + " " + v + " at " + p);
                }
                t.setDouble(x, p, old);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void longRunsWithLongerBlocksKeepTheFirstOccurrence(DType t) {
        Random rnd = new Random(53 + t.ordinal());
        int lanes = Samples.lanes(t);
        long n = 70L * BLOCK_VECTORS * lanes + 37; // blocks of n / 64 elements, not the minimum
        MemorySegment x = gaussian(t, n, rnd);
        long[] spots = {3, n / 64 - 1, n / 64, n / 3, n / 2 + 1, n - 40, n - 1};
        for (int k = 0; k < spots.length; k++) {
            for (int j = k + 1; j < spots.length; j++) { // the extreme twice: the first one counts
                t.setDouble(x, spots[k], 100);
                t.setDouble(x, spots[j], 100);
                t.setDouble(x, spots[k] + 1 == spots[j] ? spots[j] + 1 : spots[k] + 1, -100);
                checkAll(t, x, n, "n=" + n + " 100 at " + spots[k] + " and " + spots[j]);
                t.setDouble(x, spots[j], Double.NaN);
                checkAll(t, x, n, "n=" + n + " 100 at " + spots[k] + ", NaN at " + spots[j]);
                t.setDouble(x, spots[k], 0.5);
                t.setDouble(x, spots[j], 0.5);
            }
        }
    }

    /**
     * Every start offset within a vector (so every peel before the aligned body) and every run
     * length from the vector path's minimum up to one more full body: the first L and the last
     * L elements are read as extra vectors that overlap the body, and up to a body's worth of
     * vectors between them; the extreme or a NaN sits in the head, in that gap and in the tail.
     */
    @ParameterizedTest
    @EnumSource(names = {"FLOAT32", "FLOAT64"})
    void everyPeelAndLengthReadsTheHeadTheGapAndTheTail(DType t) {
        Random rnd = new Random(71 + t.ordinal());
        int lanes = Samples.lanes(t);
        long body = (long) UNROLL * lanes;
        MemorySegment x = gaussian(t, 4 * body + lanes, rnd);
        for (long off = 0; off <= lanes; off++) {
            for (long n = 2 * body; n <= 3 * body + 1; n++) {
                MemorySegment run = x.asSlice(off * t.itemSize(), n * t.itemSize());
                for (long p : new long[] {0, lanes - 1, n - 2 * lanes, n - lanes - 1, n - 1}) {
                    double old = t.getDouble(run, p);
                    for (double v : new double[] {50, -50, Double.NaN}) {
                        t.setDouble(run, p, v);
                        checkAll(t, run, n, "offset " + off + " n=" + n + " " + v + " at " + p);
                    }
                    t.setDouble(run, p, old);
                }
            }
        }
    }

    private static MemorySegment gaussian(DType t, long n, Random rnd) {
        MemorySegment x = Arena.ofAuto().allocate(n * t.itemSize(), 64);
        for (long i = 0; i < n; i++) {
            t.setDouble(x, i, rnd.nextGaussian());
        }
        return x;
    }

    private static void checkAll(DType t, MemorySegment x, long n, String what) {
        for (String u : FOLDS) {
            boolean max = u.equals("maximum");
            double expected = t.getDouble(x, 0);
            for (long i = 1; i < n; i++) {
                double v = t.getDouble(x, i);
                expected = max ? Math.max(expected, v) : Math.min(expected, v);
            }
            ReduceLoop loop = SIMD.reduceLoop(u, t);
            MemorySegment out = Arena.ofAuto().allocate(t.itemSize(), 64);
            t.setDouble(out, 0, t.getDouble(x, 0));
            loop.run(x, 1, 1, n - 1, out, 0);
            double got = t.getDouble(out, 0);
            assertTrue(Double.isNaN(expected) ? Double.isNaN(got) : got == expected,
                    u + " " + t + " " + what + ": " + got + " vs " + expected);
            MemorySegment whole = Arena.ofAuto().allocate(t.itemSize(), 64);
            t.setDouble(whole, 0, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            loop.run(x, 0, 1, n, whole, 0);
            double all = t.getDouble(whole, 0);
            assertTrue(Double.isNaN(expected) ? Double.isNaN(all) : all == expected,
                    u + " " + t + " " + what + " (whole run): " + all + " vs " + expected);
        }
        for (String which : ARGS) {
            ArgLoop loop = SIMD.argLoop(which, t);
            assertEquals(firstExtreme(t, x, n, which.equals("argmax")), loop.run(x, 0, 1, n), which + " " + t + " " + what);
        }
    }

    /** NumPy's rule, sequentially: the first NaN, else the first strictly-beyond element. */
    private static long firstExtreme(DType t, MemorySegment x, long n, boolean max) {
        long best = 0;
        for (long i = 0; i < n; i++) {
            double v = t.getDouble(x, i);
            if (Double.isNaN(v)) {
                return i;
            }
            double b = t.getDouble(x, best);
            if (max ? v > b : v < b) {
                best = i;
            }
        }
        return best;
    }
}
