package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void emptyViewsTakeNoLease() {
        NdArray a = Nd.zeros(DType.FLOAT64, 3, 0);
        assertTrue(Footprint.isEmpty(a));
        try (OpLeases _ = Ownership.enterOp("add", new NdArray[] {a, null}, new NdArray[] {a})) {
            assertEquals(0, Ownership.liveLeases(a).size());
        }
    }
}
