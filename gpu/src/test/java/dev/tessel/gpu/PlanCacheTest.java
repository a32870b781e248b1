package dev.tessel.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.gpu.KernelTable.Kind;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Size classes, reuse, and eviction that closes plans; an evicted plan is rebuilt on demand. */
class PlanCacheTest {
    private static final List<DType> I32 = List.of(DType.INT32, DType.INT32, DType.INT32);

    @Test
    void sizeClassesArePowersOfTwoWithinBounds() {
        assertEquals(PlanCache.MIN_CAPACITY, PlanCache.capacityFor(1));
        assertEquals(PlanCache.MIN_CAPACITY, PlanCache.capacityFor(PlanCache.MIN_CAPACITY));
        assertEquals(8192, PlanCache.capacityFor(PlanCache.MIN_CAPACITY + 1));
        assertEquals(1 << 20, PlanCache.capacityFor((1 << 20) - 3));
        assertEquals(PlanCache.MAX_CAPACITY, PlanCache.capacityFor(Long.MAX_VALUE));
    }

    @Test
    void reusesPlansAndClosesWhatItEvicts() {
        PlanCache cache = new PlanCache(2);
        Kernel add = kernel("add");
        Kernel sub = kernel("subtract");
        Kernel mul = kernel("multiply");
        KernelPlan first = cache.get(add, 10, 0);
        assertSame(first, cache.get(add, 4000, 0), "same size class, same plan");
        cache.get(sub, 10, 0);
        cache.get(mul, 10, 0);
        assertEquals(2, cache.size());
        assertTrue(first.isClosed(), "the least recently used plan was closed");
        // A loop holding the evicted kernel builds it again and still computes.
        MemorySegment[] segs = {HostData.random(DType.INT32, 50, 1), HostData.random(DType.INT32, 50, 3),
            HostData.allocate(DType.INT32, 50)};
        ElementwiseLoop.onDevice(add, cache, null, 0).run(segs, new long[3], new long[] {1, 1, 1}, 50);
        for (int i = 0; i < 50; i++) {
            assertEquals((int) (DType.INT32.getLong(segs[0], i) + DType.INT32.getLong(segs[1], i)),
                    DType.INT32.getLong(segs[2], i));
        }
        KernelPlan rebuilt = cache.get(add, 10, 0);
        assertNotSame(first, rebuilt);
        assertFalse(rebuilt.isClosed());
        cache.clear();
        assertTrue(rebuilt.isClosed());
    }

    private static Kernel kernel(String ufunc) {
        return KernelTable.STANDARD.find(Kind.ELEMENTWISE, ufunc, I32);
    }
}
