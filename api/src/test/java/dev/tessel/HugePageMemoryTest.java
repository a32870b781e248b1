package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HugePageMemoryTest {
    private static boolean available() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && HugePageMemory.class.getModule().isNativeAccessEnabled();
    }

    @Test
    void smallAllocationsAreLeftToMalloc() {
        assertNull(HugePageMemory.allocate(HugePageMemory.POOLED_FROM - 1, true));
    }

    @Test
    void aMidSizeAllocationIsZeroedPageAlignedAndReused() throws InterruptedException {
        assumeTrue(available(), "Linux with native access enabled");
        long bytes = HugePageMemory.POOLED_FROM + 4096 * 3 + 7; // under MIN_BYTES: ordinary pages
        MemorySegment again = reusedAfterCollection(bytes, 4096);
        for (long at = 0; at < bytes; at += 4093) {
            assertEquals(0, again.get(ValueLayout.JAVA_BYTE, at), "byte " + at);
        }
    }

    /**
     * Maps three segments of {@code bytes} (aligned to {@code alignment}, zeroed), scribbles on
     * them, drops them, and collects until an allocation of the same length gets one back.
     */
    private static MemorySegment reusedAfterCollection(long bytes, long alignment) throws InterruptedException {
        Set<Long> dropped = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            MemorySegment s = HugePageMemory.allocate(bytes, true);
            assertNotNull(s);
            assertEquals(0, s.address() % alignment);
            assertEquals(0, s.get(ValueLayout.JAVA_BYTE, bytes - 1));
            s.fill((byte) 0x55);
            dropped.add(s.address());
        }
        MemorySegment again = null;
        for (int i = 0; i < 50 && (again == null || !dropped.contains(again.address())); i++) {
            System.gc();
            Thread.sleep(20);
            again = HugePageMemory.allocate(bytes, true);
        }
        assertNotNull(again);
        assertTrue(dropped.contains(again.address()), "a collected mapping was reused");
        return again;
    }

    @Test
    void aLargeAllocationIsZeroedWritableAndOnAHugePageBoundary() {
        assumeTrue(available(), "Linux with native access enabled (the build's test JVMs have it)");
        long bytes = HugePageMemory.MIN_BYTES + 12_345;
        MemorySegment s = HugePageMemory.allocate(bytes, true);
        assertNotNull(s);
        assertEquals(bytes, s.byteSize());
        assertEquals(0, s.address() % (2L << 20));
        for (long at = 0; at < bytes; at += 4096) {
            assertEquals(0, s.get(ValueLayout.JAVA_BYTE, at), "byte " + at);
        }
        s.set(ValueLayout.JAVA_BYTE, bytes - 1, (byte) 7);
        assertEquals(7, s.get(ValueLayout.JAVA_BYTE, bytes - 1));
    }

    @Test
    void garbageArraysGiveBackTheirMappingsOnceCollected() throws InterruptedException {
        assumeTrue(available(), "Linux with native access enabled");
        long before = HugePageMemory.mapped();
        for (int i = 0; i < 8; i++) {
            assertNotNull(HugePageMemory.allocate(HugePageMemory.MIN_BYTES, true));
        }
        assertTrue(HugePageMemory.mapped() >= before + 8 * HugePageMemory.MIN_BYTES);
        for (int i = 0; i < 50 && HugePageMemory.mapped() > before; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(HugePageMemory.mapped() <= before, "still in use: " + HugePageMemory.mapped());
    }

    @Test
    void aCollectedArraysMappingIsReusedAndZeroed() throws InterruptedException {
        assumeTrue(available(), "Linux with native access enabled");
        long bytes = 7 * (2L << 20) + 3; // a length no other test uses
        MemorySegment again = reusedAfterCollection(bytes, 2L << 20);
        for (long at = 0; at < bytes; at += 4093) {
            assertEquals(0, again.get(ValueLayout.JAVA_BYTE, at), "byte " + at);
        }
        assertEquals(0, again.get(ValueLayout.JAVA_BYTE, bytes - 1));
    }

    @Test
    void resultsOfOpsOnReusedMemoryAreRightWhateverTheMemoryHeld() throws InterruptedException {
        assumeTrue(available(), "Linux with native access enabled");
        long n = 3 * (1L << 20) + 5; // 12 MB of float32: reused mappings, not zero-filled for results
        NdArray a = Nd.full(DType.FLOAT32, 2.0, n);
        NdArray b = Nd.full(DType.FLOAT32, 3.0, n);
        for (int i = 0; i < 6; i++) {
            NdArray junk = Nd.full(DType.FLOAT32, Double.NaN, n);
            assertTrue(Double.isNaN(junk.getDouble(n - 1)));
        }
        System.gc();
        Thread.sleep(50);
        for (int i = 0; i < 6; i++) {
            NdArray sum = a.add(b);
            assertEquals(5.0, sum.getDouble(0));
            assertEquals(5.0, sum.getDouble(n / 2));
            assertEquals(5.0, sum.getDouble(n - 1));
            NdArray zeros = Nd.zeros(DType.FLOAT32, n); // zeros stay zeros on reused memory
            assertEquals(0.0, zeros.getDouble(0));
            assertEquals(0.0, zeros.getDouble(n - 1));
        }
    }

    @Test
    void largeArraysUseItAndComputeAsBefore() {
        assumeTrue(available(), "Linux with native access enabled");
        long n = 1_000_000; // 8 MB of float64
        NdArray a = Nd.linspace(0, 1, n, true, DType.FLOAT64);
        assertEquals(0, a.segment().address() % (2L << 20));
        NdArray sum = Ufuncs.ADD.call(a, a);
        assertEquals(2.0, sum.getDouble(n - 1));
        assertEquals(2.0 * 500_000 / 999_999, sum.getDouble(500_000), 1e-15);
    }
}
