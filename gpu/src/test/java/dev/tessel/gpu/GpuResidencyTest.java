package dev.tessel.gpu;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plain ufunc calls on arrays lent to a {@link GpuDevice} run there (the generic layer's
 * device route): {@code c = exp((a + b) * 2)} builds one task graph, moves a, b and the
 * constant 2 in once, and equals the scalar reference.
 */
class GpuResidencyTest {
    private static final int N = 1001;

    @Test
    void aChainOfUfuncCallsStaysOnTheDevice() {
        GpuDevice dev = GpuDevice.all().getFirst();
        double[] av = new double[N];
        double[] bv = new double[N];
        for (int i = 0; i < N; i++) {
            av[i] = (i % 13) * 0.125 - 1;
            bv[i] = (i % 7) * 0.0625;
        }
        NdArray a = Nd.wrap(av.clone(), N);
        NdArray b = Nd.wrap(bv.clone(), N);
        a.to(dev);
        b.to(dev);
        long in = dev.transfersIn();
        long out = dev.transfersOut();
        long runs = DeviceStats.runs(0);
        NdArray c = Nd.exp(a.add(b).mul(2.0));
        assertSame(dev, c.residence().device(), "the result is born on the device");
        assertEquals(in, dev.transfersIn(), "nothing moves before the host asks");
        List<Placement> recent = Tessel.lastPlacements();
        Placement last = recent.getLast();
        assertEquals("exp", last.op());
        assertEquals("gpu", last.backend());
        assertEquals("gpu:0", last.device());
        assertEquals(0L, last.bytesMoved());
        double[] got = c.toDoubleArray();
        assertTrue(c.residence().isHost());
        assertEquals(runs + 1, DeviceStats.runs(0), "one graph for the whole chain");
        assertEquals(in + 3, dev.transfersIn(), "a, b and the constant 2.0 went in once");
        // GpuDevice brings back every buffer a chain writes: the two intermediates and c.
        assertEquals(out + 3, dev.transfersOut());
        double[] expected = referenceChain(av, bv);
        for (int i = 0; i < N; i++) {
            assertEquals(expected[i], got[i], Math.ulp(expected[i]) * ElementwiseKernelTest.MATH_ULPS, "c[" + i + "]");
        }
        assertSame(dev, a.residence().device(), "the inputs stay lent");
        a.toHost();
        b.toHost();
        assertEquals(av[3], a.toDoubleArray()[3], 0.0, "inputs unchanged");
    }

    private static double[] referenceChain(double[] av, double[] bv) {
        DType f = DType.FLOAT64;
        MemorySegment a = MemorySegment.ofArray(av.clone());
        MemorySegment b = MemorySegment.ofArray(bv.clone());
        MemorySegment two = MemorySegment.ofArray(new double[] {2.0});
        double[] cv = new double[N];
        MemorySegment c = MemorySegment.ofArray(cv);
        long[] offs = new long[3];
        ReferenceBackend.INSTANCE.loop("add", new DType[] {f, f, f}).run(new MemorySegment[] {a, b, c}, offs,
                new long[] {1, 1, 1}, N);
        ReferenceBackend.INSTANCE.loop("multiply", new DType[] {f, f, f}).run(new MemorySegment[] {c, two, c}, offs,
                new long[] {1, 0, 1}, N);
        ReferenceBackend.INSTANCE.loop("exp", new DType[] {f, f}).run(new MemorySegment[] {c, c}, new long[2],
                new long[] {1, 1}, N);
        return cv;
    }
}
