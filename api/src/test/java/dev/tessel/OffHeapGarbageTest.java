package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OffHeapGarbageTest {
    @Test
    void allocatingMoreThanCollectEveryBytesOfArraysAsksForACollection() {
        long asked = OffHeapGarbage.collectionsAsked();
        long elements = 4L << 20; // 16 MB of float32 each, dropped at once
        long bytes = 4 * elements;
        for (long handed = 0; handed <= OffHeapGarbage.collectEvery() + bytes; handed += bytes) {
            NdArray garbage = Nd.empty(DType.FLOAT32, elements);
            assertEquals(elements, garbage.size());
        }
        assertTrue(OffHeapGarbage.collectionsAsked() > asked, "no collection asked for");
    }

    @Test
    void smallArraysAreNotCounted() {
        long asked = OffHeapGarbage.collectionsAsked();
        for (int i = 0; i < 1000; i++) {
            OffHeapGarbage.allocating(OffHeapGarbage.TRACKED_FROM - 1);
        }
        assertEquals(asked, OffHeapGarbage.collectionsAsked());
    }
}
