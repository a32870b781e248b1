package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FootprintTest {
    private static long[] footprint(NdArray a) {
        return new long[] {Footprint.lo(a), Footprint.hi(a)};
    }

    @Test
    void agreesWithTheViewsExtent() {
        NdArray m = Nd.zeros(DType.FLOAT32, 4, 6);
        NdArray[] views = {m, m.T(), OwnershipTest.slice(m.reshape(24), 5, 11),
                m.view(new long[] {3}, new long[] {-2}, 9), m.view(new long[] {2, 3}, new long[] {6, 2}, 7),
                m.view(new long[] {1}, new long[] {0}, 23)};
        for (NdArray v : views) {
            assertArrayEquals(Overlap.extent(v), footprint(v));
        }
        assertArrayEquals(new long[] {20, 40}, footprint(views[3]), "negative strides reach below the offset");
    }

    @Test
    void stridedViewsRepeatOneBlock() {
        NdArray m = Nd.zeros(DType.FLOAT64, 5, 8);
        NdArray col3 = m.view(new long[] {5}, new long[] {8}, 3);
        assertEquals(64, Footprint.period(col3));
        assertEquals(8, Footprint.width(col3));
        NdArray block = m.view(new long[] {5, 4}, new long[] {8, 1}, 4);
        assertEquals(64, Footprint.period(block));
        assertEquals(32, Footprint.width(block));
        assertEquals(0, Footprint.period(m), "a contiguous matrix is one block: the range says it all");
        assertEquals(0, Footprint.period(m.view(new long[] {5, 5}, new long[] {8, 2}, 0)), "blocks wider than the period");
        NdArray reversed = m.view(new long[] {5}, new long[] {-8}, 35);
        assertEquals(64, Footprint.period(reversed));
        assertEquals(24, Footprint.lo(reversed));
    }

    @Test
    void samePeriodDifferentPhaseSharesNothing() {
        assertFalse(Footprint.mayShare(0, 64, 8, 8, 64, 8), "neighbouring columns");
        assertFalse(Footprint.mayShare(0, 64, 32, 32, 64, 32), "left and right column blocks");
        assertTrue(Footprint.mayShare(0, 64, 16, 8, 64, 16), "column blocks that overlap by one column");
        assertTrue(Footprint.mayShare(8, 64, 8, 64 + 8, 64, 8), "the same column");
        assertTrue(Footprint.mayShare(56, 64, 16, 0, 64, 8), "a block that wraps round onto the next row");
        assertTrue(Footprint.mayShare(0, 64, 8, 8, 32, 8), "different periods: the ranges decide");
        assertTrue(Footprint.mayShare(0, 0, 0, 8, 64, 8), "a plain range: the ranges decide");
    }

    @Test
    void emptyViewsTakeNoLease() {
        NdArray a = Nd.zeros(DType.FLOAT64, 3, 0);
        assertTrue(Footprint.isEmpty(a));
        try (OpLeases _ = Ownership.enterOp("add", new NdArray[] {a, null}, new NdArray[] {a})) {
            assertEquals(0, Ownership.liveLeases(a).size());
        }
    }
}
