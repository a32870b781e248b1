package dev.tessel.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.Placement;
import dev.tessel.Tessel;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sums over leading axes of C-order arrays with at least 16 outputs (or a single row) on the
 * real engine, where the SIMD row fold runs: the bits of adding the rows one by one in order,
 * as NumPy's axis-0 sum does, for empty and length-1 axes, row lengths around the vector
 * width, reversed rows, two merged leading axes, and a kept part that is not contiguous (the
 * slice-by-slice path). Fewer outputs fold each column pairwise instead (see Reduction).
 */
class AxisSumOrderTest {
    private static final long[][] SHAPES = {{0, 5}, {1, 7}, {1, 40}, {2, 0}, {17, 33}, {8, 1000}, {9, 16}, {1003, 17},
        {31, 129}};

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void axisZeroSumsAddTheRowsInOrder(DType t) {
        SplittableRandom rnd = new SplittableRandom(23);
        for (long[] shape : SHAPES) {
            NdArray a = random(t, rnd, shape);
            check(a, t, "shape " + shape[0] + "x" + shape[1]);
            check(a.slice("::-1"), t, "reversed rows of " + shape[0] + "x" + shape[1]);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void twoLeadingAxesFoldAsOneRunOfRows(DType t) {
        NdArray a = random(t, new SplittableRandom(31), 4, 5, 37);
        NdArray got = a.sum(new int[] {0, 1});
        assertArrayEquals(bits(sequential(a.reshape(20, 37), t)), bits(got), "axes (0, 1) of 4x5x37");
        NdArray strided = random(t, new SplittableRandom(37), 6, 40).slice(":, ::2");
        assertArrayEquals(bits(sequential(strided, t)), bits(strided.sum(0)), "axis 0 of a column-strided view");
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void theRowFoldRunsOnTheSimdBackend(DType t) {
        random(t, new SplittableRandom(41), 64, 64).sum(0);
        List<Placement> p = Tessel.lastPlacements();
        assertEquals("simd", p.get(p.size() - 1).backend(), p.toString());
    }

    private static void check(NdArray a, DType t, String what) {
        assertArrayEquals(bits(sequential(a, t)), bits(a.sum(0)), t + " " + what);
    }

    /** ((0 + row 0) + row 1) + ... in the array's own dtype, one column at a time. */
    private static double[] sequential(NdArray a, DType t) {
        int rows = (int) a.shape()[0];
        int cols = (int) a.shape()[1];
        double[] x = a.toDoubleArray();
        double[] out = new double[cols];
        for (int j = 0; j < cols; j++) {
            float f = 0;
            double d = 0;
            for (int r = 0; r < rows; r++) {
                f += (float) x[r * cols + j];
                d += x[r * cols + j];
            }
            out[j] = t == DType.FLOAT32 ? f : d;
        }
        return out;
    }

    private static NdArray random(DType t, SplittableRandom rnd, long... shape) {
        int n = (int) Math.max(0, java.util.Arrays.stream(shape).reduce(1, (p, q) -> p * q));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble(-1, 1) * Math.pow(10, rnd.nextInt(-3, 4));
        }
        return Nd.array(x).astype(t).reshape(shape);
    }

    private static long[] bits(NdArray a) {
        return bits(a.toDoubleArray());
    }

    private static long[] bits(double[] d) {
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = Double.doubleToRawLongBits(d[i]);
        }
        return out;
    }
}
