package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class SlabTest {
    @Test
    void slicesAreAlignedZeroedAndDisjoint() {
        MemorySegment prev = null;
        for (int i = 0; i < 1000; i++) { // crosses several slabs
            long bytes = 1 + (i * 37) % Slab.MAX_BYTES;
            MemorySegment s = Slab.allocate(bytes);
            assertEquals(bytes, s.byteSize());
            assertEquals(0, s.address() % Storage.ALIGNMENT, "64-byte aligned");
            for (long b = 0; b < bytes; b++) {
                assertEquals(0, s.get(ValueLayout.JAVA_BYTE, b), "zeroed");
            }
            s.fill((byte) 7);
            if (prev != null) {
                assertTrue(prev.address() + prev.byteSize() <= s.address() || s.address() + s.byteSize() <= prev.address()
                        || prev.scope() != s.scope(), "disjoint");
                assertEquals(7, prev.get(ValueLayout.JAVA_BYTE, 0), "a later slice never overwrites an earlier one");
            }
            prev = s;
        }
    }

    @Test
    void smallArraysComeFromSlabsAndBehaveAsAnyOther() {
        NdArray a = Nd.arange(8, DType.FLOAT64);
        NdArray s = a.sum();
        assertEquals(28.0, s.item());
        assertEquals(0, s.segment().address() % Storage.ALIGNMENT);
        NdArray z = Nd.zeros(DType.INT32, 3);
        assertEquals(0L, z.getLong(2));
    }
}
