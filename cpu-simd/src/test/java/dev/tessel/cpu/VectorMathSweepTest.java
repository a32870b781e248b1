package dev.tessel.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Dense sweeps of {@link VectorMath}'s own polynomial kernels (float32 tanh and log, float64
 * exp, tanh and log) against {@link StrictMath}: evenly spaced bit patterns over each kernel's whole range
 * (so every binade and every branch of the range reduction is hit), plus the special inputs,
 * which must come out exactly as NumPy gives them (NaN, signed zeros, infinities, saturation,
 * overflow and underflow). Runs at 512, 256 and 128 bits with the module's surefire executions.
 * The loops are first driven to a C2 compile, since the interpreted Vector API path is a
 * different code path. Prints the measured maximum, which VectorMath's Javadoc table quotes.
 */
class VectorMathSweepTest {
    private static final float[] SPECIAL_F = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, 1e-40f, -1e-40f, 1f, -1f,
        Math.nextUp(1f), Math.nextDown(1f), 9.02f, -9.02f, 10f, -10f, 10.5f, 88.7f, -104f, 1e30f, -1e30f,
        Float.MAX_VALUE, -Float.MAX_VALUE};
    private static final double[] SPECIAL_D = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-310, 1e-300, -1e-300, 1.0, -1.0, 708.0, 709.0,
        709.78, 709.79, 710.0, -708.0, -708.4, -709.0, -745.0, -745.13, -745.2, -746.0, 1e300, -1e300,
        Double.MAX_VALUE, -Double.MAX_VALUE};
    /** float64 tanh's own edges: the polynomial's limit 9/16, tanh = 0.5 at 0.5493, the clamp at 20, saturation near 19.06. */
    private static final double[] TANH_EDGES_D = {0.5625, -0.5625, Math.nextDown(0.5625), Math.nextUp(0.5625), 0.5493061443340549,
        19.0, 19.06, 19.07, -19.07, 20.0, Math.nextUp(20.0), -20.0, 1e-8, -1e-8, 1.4901161193847656E-8, 1e-200, -1e-200,
        -1e-310, -Double.MIN_VALUE};

    @Test
    void float32TanhOverEveryBinade() {
        float[] xs = sweepFloatBits(0, 0x41300000, 997, true); // |x| up to 11, past saturation at 9.02
        assertMaxUlp("tanh", xs, StrictMath::tanh, 2.5);
    }

    @Test
    void float32LogOverEveryBinade() {
        float[] xs = sweepFloatBits(0, 0x7f800000, 4099, true); // all positive floats, subnormals included
        assertMaxUlp("log", xs, StrictMath::log, 2.0);
    }

    @Test
    void float64ExpOverItsRange() {
        int n = 600_000;
        double[] xs = new double[n + SPECIAL_D.length];
        for (int i = 0; i < n; i++) {
            xs[i] = -746.0 + 1456.0 * i / n;
        }
        System.arraycopy(SPECIAL_D, 0, xs, n, SPECIAL_D.length);
        assertMaxUlp("exp", xs, StrictMath::exp, 2.0);
    }

    @Test
    void float64ExpNearZeroKeepsRelativeAccuracy() {
        int n = 200_000;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            double mag = Math.pow(10, -300 + 300.0 * i / n);
            xs[i] = i % 2 == 0 ? mag : -mag;
        }
        assertMaxUlp("exp", xs, StrictMath::exp, 2.0);
    }

    @Test
    void float64TanhOverEveryBinade() {
        // every binade from the smallest subnormal to 21 (past saturation at 19.1), both signs
        long hi = Double.doubleToRawLongBits(21.0);
        int n = 400_000;
        double[] xs = new double[2 * n + 2 + SPECIAL_D.length + TANH_EDGES_D.length];
        int k = 0;
        for (int i = 0; i <= n; i++) {
            double x = Double.longBitsToDouble(hi / n * i);
            xs[k++] = x;
            xs[k++] = -x;
        }
        System.arraycopy(SPECIAL_D, 0, xs, k, SPECIAL_D.length);
        System.arraycopy(TANH_EDGES_D, 0, xs, k + SPECIAL_D.length, TANH_EDGES_D.length);
        assertMaxUlp("tanh", xs, StrictMath::tanh, 2.0);
    }

    @Test
    void float64TanhDenseWhereTheFormulasMeet() {
        // evenly spaced on [-1.2, 1.2]: the polynomial's edge at 9/16 and the n = 2, 3 reductions
        int n = 600_000;
        double[] xs = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            xs[i] = -1.2 + 2.4 * i / n;
        }
        assertMaxUlp("tanh", xs, StrictMath::tanh, 2.0);
    }

    @Test
    void float64LogOverEveryBinade() {
        // every binade from the smallest subnormal to +inf, both signs (negatives are NaN), then the specials
        long hi = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
        int n = 400_000;
        double[] xs = new double[2 * n + 2 + SPECIAL_D.length];
        int k = 0;
        for (int i = 0; i <= n; i++) {
            double x = Double.longBitsToDouble(hi / n * i);
            xs[k++] = x;
            xs[k++] = -x;
        }
        System.arraycopy(SPECIAL_D, 0, xs, k, SPECIAL_D.length);
        assertMaxUlp("log", xs, StrictMath::log, 2.0);
    }

    @Test
    void float64LogDenseOverTheReducedRange() {
        // evenly spaced over [0.5, 2] (the split at sqrt(1/2) and sqrt(2), all 16 table cells, x near 1),
        // then each cell's edges (22 m - 16 = j + 1/2) and their neighbours, in three binades
        int n = 600_000;
        double[] xs = new double[n + 1 + 16 * 3 * 3];
        for (int i = 0; i <= n; i++) {
            xs[i] = 0.5 + 1.5 * i / n;
        }
        int k = n + 1;
        for (int j = 0; j < 16; j++) {
            double edge = (j + 16.5) / 22;
            for (double scale : new double[] {1, 0x1p-600, 0x1p600}) {
                xs[k++] = edge * scale;
                xs[k++] = Math.nextUp(edge) * scale;
                xs[k++] = Math.nextDown(edge) * scale;
            }
        }
        assertMaxUlp("log", xs, StrictMath::log, 2.0);
    }

    @Test
    void float64LogNearOneKeepsRelativeAccuracy() {
        // 1 + d and 1 - d for d from 1e-16 to 0.03: log x ~ x - 1, where an absolute error would show
        int n = 200_000;
        double[] xs = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double d = Math.pow(10, -16 + 14.5 * i / n);
            xs[2 * i] = 1 + d;
            xs[2 * i + 1] = 1 - d;
        }
        assertMaxUlp("log", xs, StrictMath::log, 2.0);
    }

    /** Bit patterns from lo to hi in steps of step, both signs when asked, then the specials. */
    private static float[] sweepFloatBits(int lo, int hi, int step, boolean negatives) {
        int count = (hi - lo) / step + 1;
        float[] xs = new float[count * (negatives ? 2 : 1) + SPECIAL_F.length];
        int k = 0;
        for (long b = lo; b <= hi; b += step) {
            xs[k++] = Float.intBitsToFloat((int) b);
            if (negatives) {
                xs[k++] = -Float.intBitsToFloat((int) b);
            }
        }
        for (float s : SPECIAL_F) {
            xs[k++] = s;
        }
        return java.util.Arrays.copyOf(xs, k);
    }

    private static void assertMaxUlp(String name, float[] xs, DoubleUnaryOperator ref, double bound) {
        double[] wide = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            wide[i] = xs[i];
        }
        check(name, DType.FLOAT32, wide, ref, bound);
    }

    private static void assertMaxUlp(String name, double[] xs, DoubleUnaryOperator ref, double bound) {
        check(name, DType.FLOAT64, xs, ref, bound);
    }

    private static void check(String name, DType t, double[] xs, DoubleUnaryOperator ref, double bound) {
        int n = xs.length;
        MemorySegment in = Arena.ofAuto().allocate((long) n * t.itemSize(), 64);
        MemorySegment out = Arena.ofAuto().allocate((long) n * t.itemSize(), 64);
        for (int i = 0; i < n; i++) {
            t.setDouble(in, i, xs[i]);
        }
        StridedLoop loop = new SimdBackend().loop(name, new DType[] {t, t});
        MemorySegment[] g = {in, out};
        for (int pass = 0; pass < 1500; pass++) { // a tier-4 compile of the loop and its kernel
            loop.run(g, new long[] {0, 0}, new long[] {1, 1}, Math.min(n, 2048));
        }
        loop.run(g, new long[] {0, 0}, new long[] {1, 1}, n);
        double worst = 0;
        double at = 0;
        for (int i = 0; i < n; i++) {
            double x = t.getDouble(in, i);
            double got = t.getDouble(out, i);
            double exact = ref.applyAsDouble(x);
            double expected = t == DType.FLOAT32 ? (float) exact : exact;
            if (Double.isNaN(expected)) {
                assertTrue(Double.isNaN(got), name + " " + t + "(" + x + ") = " + got + ", expected NaN");
                continue;
            }
            if (Double.isInfinite(expected) || expected == 0) {
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(got),
                        name + " " + t + "(" + x + ") = " + got + ", expected exactly " + expected);
                continue;
            }
            double ulp = t == DType.FLOAT32 ? Math.ulp((float) expected) : Math.ulp(expected);
            double err = Math.abs(got - exact) / ulp;
            if (err > worst) {
                worst = err;
                at = x;
            }
        }
        System.out.printf("SWEEP %-5s %-7s width %s: max %.3f ulp (at %s) over %d inputs%n", name, t.numpyName(),
                Lanes.MAX_BITS == 0 ? "max" : Lanes.MAX_BITS, worst, at, n);
        assertTrue(worst <= bound, name + " " + t + ": " + worst + " ulp at x=" + at + ", bound " + bound);
    }
}
