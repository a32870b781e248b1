package dev.tessel.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.Placement;
import dev.tessel.Tessel;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.gpu.KernelTable.Kind;
import dev.tessel.reference.ReferenceBackend;
import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.ReduceLoop;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Axis reductions as one device launch ({@link AxisReductionLoop}): every (op, dtype) over
 * blocks {@code (outer, n, inner)} that reduce the first, middle, last or every axis, with
 * runs shorter and longer than a chunk, against the scalar reference run by run. Integers and
 * min/max/arg positions are exact; float sums and products within the reduction bound of the
 * conformance suite (4 · eps · √n · max(1, ln n) · max|x|, or 4 ULP).
 */
class AxisReductionTest {
    /** (outer, n, inner): axis 0 of (300, 7), axis 1 of (5, 300, 3), axis -1 of (9, 1000), all of 4100. */
    private static final long[][] BLOCKS = {{1, 300, 7}, {5, 300, 3}, {9, 1000, 1}, {1, 4100, 1}, {3, 2, 129}};

    static Stream<String> kernels() {
        List<String> ids = new ArrayList<>();
        for (var k : KernelTable.STANDARD.keys()) {
            if (k.kind() == Kind.AXIS || k.kind() == Kind.AXIS_ARG) {
                ids.add(k.kind() + ":" + k.ufunc() + ":" + k.types().getFirst().name());
            }
        }
        return ids.stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void oneLaunchPerBlockMatchesTheReference(String id) {
        String[] p = id.split(":");
        Kind kind = Kind.valueOf(p[0]);
        DType t = DType.valueOf(p[2]);
        Kernel k = KernelTable.STANDARD.find(kind, p[1], List.of(t));
        AxisReductionLoop loop = new AxisReductionLoop(k, DeviceLoops.CACHE, 0);
        for (long[] b : BLOCKS) {
            long outputs = b[0] * b[2];
            long total = b[0] * b[1] * b[2];
            // Products of many values overflow: keep them near 1 (floats) or small (ints).
            MemorySegment in = p[1].equals("multiply") ? nearOne(t, total) : HostData.random(t, total + 3, 6);
            DType outType = kind == Kind.AXIS_ARG ? DType.INT64 : t;
            MemorySegment out = HostData.allocate(outType, outputs);
            long runs = DeviceStats.runs(0);
            loop.run(in, 3, b[0], b[1], b[2], out);
            assertEquals(runs + 1, DeviceStats.runs(0), id + " " + java.util.Arrays.toString(b) + ": one launch");
            for (long o = 0; o < outputs; o++) {
                long base = 3 + (o / b[2]) * b[1] * b[2] + o % b[2];
                check(id, kind, p[1], t, in, base, b[2], b[1], out, o);
            }
        }
    }

    private static void check(String id, Kind kind, String op, DType t, MemorySegment in, long base, long stride,
                              long n, MemorySegment out, long o) {
        if (kind == Kind.AXIS_ARG) {
            ArgLoop ref = ReferenceBackend.INSTANCE.argLoop(op, t);
            assertEquals(ref.run(in, base, stride, n), DType.INT64.getLong(out, o), id + " output " + o);
            return;
        }
        ReduceLoop ref = ReferenceBackend.INSTANCE.reduceLoop(op, t);
        MemorySegment r = HostData.allocate(t, 1);
        t.copyElement(in, base, r, 0);
        ref.run(in, base + stride, stride, n - 1, r, 0);
        if (!t.isFloating()) {
            assertEquals(t.getLong(r, 0), t.getLong(out, o), id + " output " + o);
            return;
        }
        double e = t.getDouble(r, 0);
        double a = t.getDouble(out, o);
        if (op.equals("maximum") || op.equals("minimum")) {
            assertEquals(e, a, 0.0, id + " output " + o); // exact, NaN included
            return;
        }
        double eps = t == DType.FLOAT32 ? 0x1p-23 : 0x1p-52;
        double max = 0;
        for (long j = 0; j < n; j++) {
            max = Math.max(max, Math.abs(t.getDouble(in, base + j * stride)));
        }
        double mag = op.equals("multiply") ? Math.max(1, Math.abs(e)) : Math.max(1, max);
        double bound = 4 * eps * Math.sqrt(n) * Math.max(1, Math.log(n)) * mag;
        boolean ok = (e != e && a != a) || e == a || HostData.ulps(t, e, a) <= 4 || Math.abs(e - a) <= bound;
        if (!ok) {
            fail(id + " output " + o + ": reference " + e + ", device " + a);
        }
    }

    private static MemorySegment nearOne(DType t, long n) {
        MemorySegment s = HostData.allocate(t, n + 3);
        for (long i = 0; i < n + 3; i++) {
            if (t.isFloating()) {
                t.setDouble(s, i, 1 + ((i * 37) % 19 - 9) * 1e-3);
            } else {
                t.setLong(s, i, i % 17 == 0 ? 3 : (i % 5 == 0 ? -1 : 1));
            }
        }
        return s;
    }

    /**
     * Through the engine: a reduction of at least tessel.gpu.minElements placed on the GPU is one
     * device launch whichever axis it folds, and agrees with the CPU (the reference backend).
     */
    @Test
    void engineReductionsAlongAnAxisAreOneLaunchEach() {
        int rows = 2048;
        int cols = 2048;
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 1013) * 0.25 - 100;
        }
        NdArray a = Nd.wrap(v, rows, cols);
        for (int axis = 0; axis < 2; axis++) {
            long runs = DeviceStats.runs(0) + DeviceStats.runs(1);
            NdArray s = a.sum(axis);
            assertEquals(runs + 1, DeviceStats.runs(0) + DeviceStats.runs(1), "sum(axis=" + axis + ") is one launch");
            Placement last = Tessel.lastPlacements().getLast();
            assertEquals("gpu", last.backend(), last.toString());
            runs = DeviceStats.runs(0) + DeviceStats.runs(1);
            NdArray am = a.argmax(axis);
            assertEquals(runs + 1, DeviceStats.runs(0) + DeviceStats.runs(1), "argmax(axis=" + axis + ") is one launch");
            double[] sum = s.toDoubleArray();
            long[] arg = am.toLongArray();
            for (int o = 0; o < sum.length; o++) {
                double e = 0;
                double best = Double.NEGATIVE_INFINITY;
                long at = -1;
                for (int j = 0; j < (axis == 0 ? rows : cols); j++) {
                    double x = axis == 0 ? v[j * cols + o] : v[o * cols + j];
                    e += x;
                    if (x > best) {
                        best = x;
                        at = j;
                    }
                }
                assertEquals(e, sum[o], 1e-9 * Math.max(1, Math.abs(e)), "sum(axis=" + axis + ")[" + o + "]");
                assertEquals(at, arg[o], "argmax(axis=" + axis + ")[" + o + "]");
            }
        }
        // A transposed view is copied to C order on the host first, then still one launch.
        long before = DeviceStats.runs(0) + DeviceStats.runs(1);
        double[] viaT = a.T().min(1).toDoubleArray();
        assertEquals(before + 1, DeviceStats.runs(0) + DeviceStats.runs(1), "min of a transposed view: one launch");
        for (int c = 0; c < cols; c++) {
            double e = Double.POSITIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                e = Math.min(e, v[r * cols + c]);
            }
            assertEquals(e, viaT[c], 0.0, "a.T.min(1)[" + c + "]");
        }
        long runs = DeviceStats.runs(0) + DeviceStats.runs(1);
        double mean = a.mean().item();
        assertTrue(DeviceStats.runs(0) + DeviceStats.runs(1) - runs <= 2, "mean: one launch (and a divide)");
        double e = 0;
        for (double x : v) {
            e += x;
        }
        assertEquals(e / v.length, mean, 1e-9 * Math.max(1, Math.abs(e / v.length)), "mean");
    }
}
