package dev.tessel.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.Placement;
import dev.tessel.Tessel;
import dev.tessel.Ufuncs;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code sum} through the public API gives the same bits on 1, 2, 3, 8 and 64 threads, over
 * the whole array and along each axis (contiguous and strided), and the value is right.
 */
class ReductionThreadCountTest {
    private static final int[] THREADS = {1, 2, 3, 8, 64};
    private static final int BUDGET = Tessel.threads();

    @AfterEach
    void restoreBudget() {
        Tessel.setThreads(BUDGET);
    }

    private static double[] values(int n) {
        SplittableRandom r = new SplittableRandom(7);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-3, 4));
        }
        return x;
    }

    /** The bits of every element of {@code a}, as float64 (exact for float32 too). */
    private static long[] bits(NdArray a) {
        double[] d = a.toDoubleArray();
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = Double.doubleToRawLongBits(d[i]);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void wholeArraySumHasTheSameBitsAtEveryThreadCount(DType dtype) {
        int n = 3_000_017;
        double[] x = values(n);
        NdArray a = Nd.array(x).astype(dtype);
        long[] first = null;
        for (int t : THREADS) {
            Tessel.setThreads(t);
            NdArray s = Ufuncs.ADD.reduce(a);
            checkSplit(t);
            long[] b = bits(s);
            if (first == null) {
                first = b;
                checkClose(a, s.toDoubleArray()[0], dtype);
            } else {
                assertArrayEquals(first, b, dtype + " at " + t + " threads");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void axisSumsHaveTheSameBitsAtEveryThreadCount(DType dtype) {
        NdArray a = Nd.array(values(2000 * 1500)).astype(dtype).reshape(2000, 1500);
        for (int axis = 0; axis < 2; axis++) {
            long[] first = null;
            for (int t : THREADS) {
                Tessel.setThreads(t);
                long[] b = bits(Ufuncs.ADD.reduce(a, axis));
                checkSplit(t);
                if (first == null) {
                    first = b;
                } else {
                    assertArrayEquals(first, b, dtype + " axis " + axis + " at " + t + " threads");
                }
            }
        }
    }

    /** The reduction was split into tiles and ran on as many threads as the budget and tiles allow. */
    private static void checkSplit(int threads) {
        Placement p = Tessel.lastPlacements().getLast();
        assertTrue(p.tiles() > 1, p::toString);
        assertEquals(Math.min(threads, p.tiles()), p.threads(), p::toString);
    }

    /** Within the pairwise-summation bound of the exact sum of the array's own values. */
    private static void checkClose(NdArray a, double sum, DType dtype) {
        double[] v = a.toDoubleArray();
        BigDecimal exact = BigDecimal.ZERO;
        double abs = 0;
        for (double d : v) {
            exact = exact.add(new BigDecimal(d));
            abs += Math.abs(d);
        }
        double eps = dtype == DType.FLOAT32 ? 0x1p-24 : 0x1p-53;
        double bound = 2 * Math.ceil(Math.log(v.length) / Math.log(2)) * eps * abs;
        double err = Math.abs(exact.subtract(new BigDecimal(sum)).doubleValue());
        assertTrue(err <= bound, "error " + err + " > bound " + bound);
    }
}
