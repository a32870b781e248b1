package dev.tessel.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.reference.ReferenceBackend;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * Arrays lent to a {@link GpuDevice} keep a chain of ops on the device: {@code c = (a + b)},
 * {@code c = exp(c)}, {@code c = c * a} moves a and b in once and c out once (three transfers,
 * where running each op from the host moves eight), and equals the scalar reference.
 */
class GpuDeviceTest {
    private static final int N = 777;

    @Test
    void aChainOfOpsStaysOnTheDevice() {
        GpuDevice dev = GpuDevice.all().getFirst();
        float[] av = new float[N];
        float[] bv = new float[N];
        for (int i = 0; i < N; i++) {
            av[i] = (i % 17) * 0.25f - 2;
            bv[i] = (i % 5) * 0.5f;
        }
        NdArray a = Nd.wrap(av.clone(), N);
        NdArray b = Nd.wrap(bv.clone(), N);
        NdArray c = Nd.zeros(DType.FLOAT32, N);
        var la = a.to(dev);
        var lb = b.to(dev);
        var lc = c.to(dev);
        long in = dev.transfersIn();
        long out = dev.transfersOut();
        long runs = DeviceStats.runs(0);
        lc.submit(dev.ufunc("add", c, a, b));
        lc.submit(dev.ufunc("exp", c, c));
        lc.submit(dev.ufunc("multiply", c, c, a));
        assertEquals(in, dev.transfersIn(), "nothing moves before the host asks");
        assertEquals("device gpu:0", c.residence().toString());
        lc.toHost();
        la.toHost();
        lb.toHost();
        assertEquals(in + 2, dev.transfersIn(), "a and b went to the device once");
        assertEquals(out + 1, dev.transfersOut(), "only c came back");
        assertEquals(runs + 1, DeviceStats.runs(0), "one graph for the whole chain");
        assertTrue(c.residence().isHost());
        float[] expected = referenceChain(av, bv);
        float[] got = c.toFloatArray();
        for (int i = 0; i < N; i++) {
            assertEquals(expected[i], got[i], Math.ulp(expected[i]) * ElementwiseKernelTest.MATH_ULPS, "c[" + i + "]");
        }
        assertEquals(av[5], a.toFloatArray()[5], 0.0, "inputs unchanged");

        // The same chain again reuses its compiled plan and moves the same three arrays.
        int plans = dev.compiledChains();
        NdArray c2 = Nd.zeros(DType.FLOAT32, N);
        var la2 = a.to(dev);
        var lb2 = b.to(dev);
        var lc2 = c2.to(dev);
        lc2.submit(dev.ufunc("add", c2, a, b));
        lc2.submit(dev.ufunc("exp", c2, c2));
        lc2.submit(dev.ufunc("multiply", c2, c2, a));
        lc2.toHost();
        la2.toHost();
        lb2.toHost();
        assertEquals(plans, dev.compiledChains(), "no new compile for a recurring chain");
        assertEquals(in + 4, dev.transfersIn());
        assertEquals(out + 2, dev.transfersOut());
        assertArrayEquals(got, c2.toFloatArray());
    }

    @Test
    void operandsMustBeLentToThisDevice() {
        GpuDevice dev = GpuDevice.all().getFirst();
        NdArray a = Nd.zeros(DType.FLOAT32, 8);
        NdArray c = Nd.zeros(DType.FLOAT32, 8);
        var lc = c.to(dev);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dev.ufunc("exp", c, a));
        assertTrue(e.getMessage().contains("lend it first with a.to(device)"), e.getMessage());
        lc.toHost();
    }

    private static float[] referenceChain(float[] av, float[] bv) {
        DType f = DType.FLOAT32;
        DType[] bin = {f, f, f};
        MemorySegment a = MemorySegment.ofArray(av.clone());
        MemorySegment b = MemorySegment.ofArray(bv.clone());
        float[] cv = new float[N];
        MemorySegment c = MemorySegment.ofArray(cv);
        long[] offs = new long[3];
        long[] ones = {1, 1, 1};
        ReferenceBackend.INSTANCE.loop("add", bin).run(new MemorySegment[] {a, b, c}, offs, ones, N);
        ReferenceBackend.INSTANCE.loop("exp", new DType[] {f, f}).run(new MemorySegment[] {c, c}, new long[2],
                new long[] {1, 1}, N);
        ReferenceBackend.INSTANCE.loop("multiply", bin).run(new MemorySegment[] {c, a, c}, offs, ones, N);
        return cv;
    }
}
