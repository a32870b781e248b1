package dev.tessel.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.Placement;
import dev.tessel.Tessel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end through the engine: with {@code tessel.backend=auto}, an op of at least
 * {@code tessel.gpu.minElements} (4194304 by default) is placed on the GPU backend, runs on
 * the device, and gives the same result as the CPU.
 */
class GpuPlacementTest {
    @Test
    void largeAddIsPlacedOnTheGpuAndMatchesTheCpu() {
        int n = 1 << 22;
        float[] av = new float[n];
        float[] bv = new float[n];
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) {
            av[i] = (i % 1000) * 0.5f;
            bv[i] = (i % 7) - 3f;
            expected[i] = av[i] + bv[i];
        }
        NdArray a = Nd.wrap(av, n);
        NdArray b = Nd.wrap(bv, n);
        long runs = DeviceStats.runs(0) + DeviceStats.runs(1);
        NdArray c = a.add(b);
        List<Placement> placements = Tessel.lastPlacements();
        Placement last = placements.getLast();
        assertEquals("gpu", last.backend(), last.toString());
        assertEquals("gpu:0", last.device(), last.toString());
        assertArrayEquals(expected, c.toFloatArray());
        assertEquals(true, DeviceStats.runs(0) + DeviceStats.runs(1) > runs, "kernels ran on a device");
    }
}
