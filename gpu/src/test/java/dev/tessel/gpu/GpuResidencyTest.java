package dev.tessel.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.Config.GpuFallback;
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
 * device route): {@code c = exp((a + b) * 2)} builds one task graph, moves a and b in once
 * (the scalar 2 crosses as one element), brings back only c when the host reads it (the
 * intermediates stay on the device), and equals the scalar reference.
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
        long scalars = dev.scalarsIn();
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
        assertEquals(in + 2, dev.transfersIn(), "a and b went in once");
        assertEquals(scalars + 1, dev.scalarsIn(), "the scalar 2.0 went in as one element");
        assertEquals(out + 1, dev.transfersOut(), "only c came back: the intermediates stayed on the device");
        double[] expected = referenceChain(av, bv);
        for (int i = 0; i < N; i++) {
            assertEquals(expected[i], got[i], Math.ulp(expected[i]) * ElementwiseKernelTest.MATH_ULPS, "c[" + i + "]");
        }
        assertSame(dev, a.residence().device(), "the inputs stay lent");
        a.toHost();
        b.toHost();
        assertEquals(out + 1, dev.transfersOut(), "the inputs were never written: nothing comes back");
        assertEquals(av[3], a.toDoubleArray()[3], 0.0, "inputs unchanged");
    }

    /**
     * An intermediate the host keeps comes back when read; when the same chain shape runs again
     * on other arrays, the values still in the plan's buffers are copied back first, so the first
     * chain's results stay right.
     */
    @Test
    void unreadResultsSurviveARerunOfTheirPlan() {
        GpuDevice dev = GpuDevice.all().getFirst();
        int n = 517; // a length of its own: no other test's chain shares this plan
        double[] av = new double[n];
        double[] bv = new double[n];
        for (int i = 0; i < n; i++) {
            av[i] = i * 0.5;
            bv[i] = (i % 3) - 1.0;
        }
        NdArray a = Nd.wrap(av.clone(), n);
        NdArray b = Nd.wrap(bv.clone(), n);
        double[] a2v = new double[n];
        double[] b2v = new double[n];
        for (int i = 0; i < n; i++) {
            a2v[i] = av[i] * 3;
            b2v[i] = bv[i] - 2;
        }
        NdArray a2 = Nd.wrap(a2v.clone(), n);
        NdArray b2 = Nd.wrap(b2v.clone(), n);
        for (NdArray x : new NdArray[] {a, b, a2, b2}) {
            x.to(dev);
        }
        long out = dev.transfersOut();
        NdArray s1 = a.add(b);
        NdArray m1 = s1.mul(2.0);
        NdArray sq1 = m1.mul(m1);
        NdArray c1 = Nd.sqrt(sq1);
        c1.toDoubleArray();
        assertEquals(out + 1, dev.transfersOut(), "only c1 came back");
        NdArray s2 = a2.add(b2);
        NdArray m2 = s2.mul(2.0);
        NdArray c2 = Nd.sqrt(m2.mul(m2));
        int plans = dev.compiledChains();
        double[] c2Got = c2.toDoubleArray();
        assertEquals(plans, dev.compiledChains(), "the second chain reuses the first one's plan");
        // s1, m1 and sq1 were still in the plan's buffers: copied back before the rerun, then c2.
        assertEquals(out + 5, dev.transfersOut());
        double[] s1Got = s1.toDoubleArray();
        double[] m1Got = m1.toDoubleArray();
        double[] sq1Got = sq1.toDoubleArray();
        assertEquals(out + 5, dev.transfersOut(), "s1, m1 and sq1 were home already");
        for (int i = 0; i < n; i++) {
            assertEquals(av[i] + bv[i], s1Got[i], 0.0, "s1[" + i + "]");
            assertEquals((av[i] + bv[i]) * 2.0, m1Got[i], 0.0, "m1[" + i + "]");
            assertEquals(m1Got[i] * m1Got[i], sq1Got[i], 0.0, "sq1[" + i + "]");
            double m = (a2v[i] + b2v[i]) * 2.0;
            double want = Math.sqrt(m * m);
            assertEquals(want, c2Got[i], Math.ulp(want) * ElementwiseKernelTest.MATH_ULPS, "c2[" + i + "]");
        }
    }

    /**
     * When a chain cannot run on the device and the policy allows the CPU, the CPU path reads
     * values a previous chain left on the device (copied back first), spreads the scalar itself,
     * and its results need no copy back.
     */
    @Test
    void theCpuPathReadsValuesLeftOnTheDevice() {
        GpuDevice dev = GpuDevice.all().getFirst();
        int n = 333;
        double[] av = new double[n];
        double[] bv = new double[n];
        for (int i = 0; i < n; i++) {
            av[i] = (i % 11) * 0.25 - 1;
            bv[i] = (i % 4) * 0.125;
        }
        NdArray a = Nd.wrap(av.clone(), n);
        NdArray b = Nd.wrap(bv.clone(), n);
        a.to(dev);
        b.to(dev);
        NdArray s = a.add(b);
        a.toHost(); // runs the chain [add] on the device; s stays there unread
        assertSame(dev, s.residence().device());
        String f = "[float64, float64]";
        String ff = "[float64, float64, float64]";
        GpuSettings.pinFallback(GpuFallback.ALLOW);
        try {
            long out = dev.transfersOut();
            FailurePolicy.markBroken(dev.name() + " chain [broadcast" + f + ", multiply" + ff + ", exp" + f + "]",
                    new IllegalStateException("simulated device failure"));
            NdArray c = Nd.exp(s.mul(2.0));
            double[] got = c.toDoubleArray();
            assertEquals(out + 1, dev.transfersOut(), "s came back for the CPU; c needed no copy back");
            double[] sGot = s.toDoubleArray();
            assertEquals(out + 1, dev.transfersOut(), "s was home already");
            for (int i = 0; i < n; i++) {
                double sum = av[i] + bv[i];
                assertEquals(sum, sGot[i], 0.0, "s[" + i + "]");
                double want = Math.exp(sum * 2.0);
                assertEquals(want, got[i], Math.ulp(want) * ElementwiseKernelTest.MATH_ULPS, "c[" + i + "]");
            }
        } finally {
            GpuSettings.pinFallback(null);
            FailurePolicy.forget();
        }
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
