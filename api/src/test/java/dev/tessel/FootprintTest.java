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
    /**
     * Op leases on one-axis views (computed in one pass by {@link OpLeases}) conflict exactly
     * when the general {@link Footprint} says they may share a byte, and always when they do.
     */
    @Test
    void oneAxisLeasesMatchTheFootprint() {
        NdArray m = Nd.zeros(DType.FLOAT64, 24);
        long[][] views = { // shape, stride, offset
            {24, 1, 0}, {12, 1, 0}, {12, 1, 12}, {12, 2, 0}, {12, 2, 1}, {8, 3, 0}, {8, 3, 1}, {6, -2, 11},
            {6, -2, 10}, {1, 5, 7}, {5, 0, 3}, {0, 1, 4}, {4, 6, 2}, {4, -6, 20}};
        for (long[] p : views) {
            for (long[] q : views) {
                NdArray v = m.view(new long[] {p[0]}, new long[] {p[1]}, p[2]);
                NdArray w = m.view(new long[] {q[0]}, new long[] {q[1]}, q[2]);
                boolean expected = mayShare(v, w);
                boolean conflicted;
                try (WriteLease _ = v.write()) { // its own owner: a probe op on this thread conflicts with it
                    try (OpLeases _ = Ownership.enterOp("probe", null, new NdArray[] {w})) {
                        conflicted = false;
                    } catch (OwnershipException e) {
                        conflicted = true;
                    }
                }
                String pair = java.util.Arrays.toString(p) + " and " + java.util.Arrays.toString(q);
                assertEquals(expected, conflicted, pair);
                if (sharesAByte(v, w)) {
                    assertTrue(conflicted, "views sharing a byte must conflict: " + pair);
                }
            }
        }
    }

    private static boolean mayShare(NdArray v, NdArray w) {
        if (Footprint.isEmpty(v) || Footprint.isEmpty(w)) {
            return false;
        }
        long pv = Footprint.period(v);
        long pw = Footprint.period(w);
        return Footprint.lo(v) < Footprint.hi(w) && Footprint.lo(w) < Footprint.hi(v)
                && Footprint.mayShare(Footprint.lo(v), pv, pv == 0 ? 0 : Footprint.width(v), Footprint.lo(w), pw,
                        pw == 0 ? 0 : Footprint.width(w));
    }

    private static boolean sharesAByte(NdArray v, NdArray w) {
        for (long i = 0; i < v.shape[0]; i++) {
            for (long j = 0; j < w.shape[0]; j++) {
                if (v.offset + i * v.strides[0] == w.offset + j * w.strides[0]) {
                    return true;
                }
            }
        }
        return false;
    }
}
