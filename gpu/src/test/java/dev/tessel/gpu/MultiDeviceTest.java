package dev.tessel.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kind;
import dev.tessel.reference.ReferenceBackend;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With two devices (PoCL with {@code POCL_DEVICES="pthread pthread"}, set by the build), a
 * large elementwise op is cut into two disjoint ranges that run on both devices, and small
 * ones alternate between them. Results equal the scalar reference.
 */
class MultiDeviceTest {
    private static final DType[] ADD = {DType.FLOAT64, DType.FLOAT64, DType.FLOAT64};

    @Test
    void largeOpsSplitAcrossDevicesByDisjointRanges() {
        assumeTrue(DeviceRegistry.selected().size() >= 2, "needs two devices: POCL_DEVICES=\"pthread pthread\"");
        int n = 6000;
        MemorySegment[] segs = {HostData.random(DType.FLOAT64, n, 1), HostData.random(DType.FLOAT64, n, 3),
            HostData.allocate(DType.FLOAT64, n)};
        long[] runs = {DeviceStats.runs(0), DeviceStats.runs(1)};
        var kernel = KernelTable.STANDARD.find(Kind.ELEMENTWISE, "add", List.of(ADD));
        ElementwiseLoop.acrossDevices(kernel, DeviceLoops.CACHE, null, 4096).run(segs, new long[3], new long[] {1, 1, 1}, n);
        assertEquals(runs[0] + 1, DeviceStats.runs(0), "device 0 ran its half");
        assertEquals(runs[1] + 1, DeviceStats.runs(1), "device 1 ran its half");
        assertMatchesReference(segs, n);
    }

    @Test
    void smallOpsTakeTurns() {
        assumeTrue(DeviceRegistry.selected().size() >= 2, "needs two devices: POCL_DEVICES=\"pthread pthread\"");
        int n = 500;
        var kernel = KernelTable.STANDARD.find(Kind.ELEMENTWISE, "add", List.of(ADD));
        var loop = ElementwiseLoop.acrossDevices(kernel, DeviceLoops.CACHE, null, 4096);
        long before = DeviceStats.runs(0) + DeviceStats.runs(1);
        long[] runs = {DeviceStats.runs(0), DeviceStats.runs(1)};
        for (int i = 0; i < 4; i++) {
            MemorySegment[] segs = {HostData.random(DType.FLOAT64, n, 5), HostData.random(DType.FLOAT64, n, 7),
                HostData.allocate(DType.FLOAT64, n)};
            loop.run(segs, new long[3], new long[] {1, 1, 1}, n);
            assertMatchesReference(segs, n);
        }
        assertEquals(before + 4, DeviceStats.runs(0) + DeviceStats.runs(1));
        assertEquals(runs[0] + 2, DeviceStats.runs(0), "two of four on device 0");
    }

    private static void assertMatchesReference(MemorySegment[] segs, int n) {
        MemorySegment ref = HostData.allocate(DType.FLOAT64, n);
        ReferenceBackend.INSTANCE.loop("add", ADD).run(new MemorySegment[] {segs[0], segs[1], ref}, new long[3],
                new long[] {1, 1, 1}, n);
        for (int i = 0; i < n; i++) {
            assertEquals(DType.FLOAT64.getDouble(ref, i), DType.FLOAT64.getDouble(segs[2], i), 0.0, "at " + i);
        }
    }
}
