package dev.tessel.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.Placement;
import dev.tessel.Tessel;
import dev.tessel.reference.ReferenceBackend;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * Reductions and matrix products on arrays lent to a {@link GpuDevice} run there and leave
 * their result there (the generic layer's {@code DeviceFolds}): they join the device's chain,
 * nothing crosses until the host reads, and then only the lent inputs go in once and each
 * result read comes out once. Results equal the host path's (the same calls on host arrays).
 */
class ResidentFoldTest {
    private static final int ROWS = 37;
    private static final int COLS = 300;

    private static double[] values(int n, int seed) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = ((i * 7919L + seed) % 1009) * 0.125 - 60;
        }
        return v;
    }

    @Test
    void reductionsOfALentArrayStayOnTheDevice() {
        GpuDevice dev = GpuDevice.all().getFirst();
        double[] v = values(ROWS * COLS, 3);
        NdArray host = Nd.wrap(v.clone(), ROWS, COLS);
        NdArray a = Nd.wrap(v.clone(), ROWS, COLS);
        a.to(dev);
        long in = dev.transfersIn();
        long out = dev.transfersOut();
        long runs = DeviceStats.runs(0);
        NdArray sum0 = a.sum(0);
        Placement p = Tessel.lastPlacements().getLast();
        assertEquals("gpu", p.backend(), p.toString());
        assertEquals("gpu:0", p.device(), p.toString());
        NdArray max1 = a.max(1);
        NdArray arg0 = a.argmax(0);
        NdArray argAll = a.argmin();
        NdArray mean = a.mean();
        for (NdArray r : new NdArray[] {sum0, max1, arg0, argAll, mean}) {
            assertSame(dev, r.residence().device(), "born on the device");
        }
        assertEquals(in, dev.transfersIn(), "nothing moves before the host asks");
        assertEquals(runs, DeviceStats.runs(0), "nothing ran yet");

        double[] gotSum = sum0.toDoubleArray();
        assertEquals(runs + 1, DeviceStats.runs(0), "one graph for all five ops");
        assertEquals(in + 1, dev.transfersIn(), "a went in once");
        assertEquals(out + 1, dev.transfersOut(), "only the result read came back");
        double[] wantSum = host.sum(0).toDoubleArray();
        for (int i = 0; i < COLS; i++) {
            assertEquals(wantSum[i], gotSum[i], 1e-12 * Math.max(1, Math.abs(wantSum[i])), "sum(0)[" + i + "]");
        }
        assertArrayEquals(host.max(1).toDoubleArray(), max1.toDoubleArray(), "max(1)");
        assertArrayEquals(host.argmax(0).toLongArray(), arg0.toLongArray(), "argmax(0)");
        assertEquals(host.argmin().item(), argAll.item(), "argmin()");
        assertEquals(host.mean().item(), mean.item(), 1e-12 * Math.max(1, Math.abs(host.mean().item())), "mean()");
        assertEquals(out + 5, dev.transfersOut(), "each result read came back once");
        assertEquals(runs + 1, DeviceStats.runs(0), "reading results runs nothing more");
        a.toHost();
    }

    @Test
    void anElementwiseChainEndingInAReductionIsOneGraph() {
        GpuDevice dev = GpuDevice.all().getFirst();
        float[] av = new float[ROWS * COLS];
        float[] bv = new float[ROWS * COLS];
        for (int i = 0; i < av.length; i++) {
            av[i] = (i % 31) * 0.25f - 3;
            bv[i] = (i % 17) * 0.5f;
        }
        NdArray a = Nd.wrap(av.clone(), ROWS, COLS);
        NdArray b = Nd.wrap(bv.clone(), ROWS, COLS);
        a.to(dev);
        b.to(dev);
        long in = dev.transfersIn();
        long out = dev.transfersOut();
        long runs = DeviceStats.runs(0);
        NdArray s = a.mul(b).sum(1);
        assertSame(dev, s.residence().device());
        float[] got = s.toFloatArray();
        assertEquals(runs + 1, DeviceStats.runs(0), "multiply and sum in one graph");
        assertEquals(in + 2, dev.transfersIn(), "a and b went in once");
        assertEquals(out + 1, dev.transfersOut(), "the product never came back, only the sums");
        float[] want = Nd.wrap(av, ROWS, COLS).mul(Nd.wrap(bv, ROWS, COLS)).sum(1).toFloatArray();
        for (int i = 0; i < ROWS; i++) {
            assertEquals(want[i], got[i], 1e-5f * Math.max(1, Math.abs(want[i])), "sum(1)[" + i + "]");
        }
        a.toHost();
        b.toHost();
    }

    @Test
    void anInt32SumWidensToInt64SoItRunsOnTheHost() {
        GpuDevice dev = GpuDevice.all().getFirst();
        int[] v = new int[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Integer.MAX_VALUE - i;
        }
        NdArray a = Nd.wrap(v.clone(), 1000);
        a.to(dev);
        NdArray s = a.sum();
        assertTrue(s.residence().isHost(), "NumPy sums int32 in int64: a dtype change, so the host path");
        assertEquals(DType.INT64, s.dtype());
        long want = 0;
        for (int x : v) {
            want += x;
        }
        assertEquals(want, s.toLongArray()[0]);
    }

    @Test
    void matmulOfLentMatricesStaysOnTheDevice() {
        GpuDevice dev = GpuDevice.all().getFirst();
        for (DType t : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            int m = 33;
            int k = 17;
            int n = 29;
            NdArray a = Nd.wrap(values(m * k, 1), m, k).astype(t);
            NdArray b = Nd.wrap(values(k * n, 2), k, n).astype(t);
            MemorySegment want = HostData.allocate(t, (long) m * n);
            ReferenceBackend.INSTANCE.matmul(t).run(a.copy().storage().segment(), 0, k, 1,
                    b.copy().storage().segment(), 0, n, 1, want, 0, n, 1, m, n, k);
            a.to(dev);
            b.to(dev);
            long in = dev.transfersIn();
            long out = dev.transfersOut();
            long runs = DeviceStats.runs(0);
            NdArray c = a.matmul(b);
            assertSame(dev, c.residence().device(), t + ": born on the device");
            assertEquals("matmul", Tessel.lastPlacements().getLast().op());
            double[] got = c.astype(DType.FLOAT64).toDoubleArray();
            assertEquals(runs + 1, DeviceStats.runs(0), t + ": one graph");
            assertEquals(in + 2, dev.transfersIn(), t + ": a and b went in once");
            assertEquals(out + 1, dev.transfersOut(), t + ": c came back once");
            double eps = t == DType.FLOAT32 ? 0x1p-23 : 0x1p-52;
            for (int i = 0; i < m * n; i++) {
                double w = t.getDouble(want, i);
                assertEquals(w, got[i], 4 * eps * k * 60 * 60, t + " c[" + i + "]");
            }
            a.toHost();
            b.toHost();
        }
    }

    @Test
    void aBlockThatDoesNotFitItsArraysIsRefusedByName() {
        GpuDevice dev = GpuDevice.all().getFirst();
        NdArray a = Nd.wrap(values(24, 4), 2, 3, 4);
        NdArray out = Nd.wrap(values(8, 5), 8);
        a.to(dev);
        out.to(dev);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> dev.reduce("add", out, a, 2, 4, 4));
        assertEquals("add on gpu:0: block (2, 4, 4) does not fit 24 elements in and 8 out", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> dev.reduce("logical_or", out, a, 2, 3, 4));
        assertEquals("no gpu:0 kernel for logical_or on float64", e.getMessage());
        a.toHost();
        out.toHost();
    }
}
