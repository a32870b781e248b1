package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The (outer, n, inner) view that one-launch reductions fold; the folding itself is tested in the gpu module. */
class AxisFoldTest {
    @Test
    void adjacentReducedAxesFormOneMiddleAxis() {
        long[] shape = {2, 3, 4};
        assertArrayEquals(new long[] {2, 3, 4}, AxisFold.block(shape, new boolean[] {false, true, false}));
        assertArrayEquals(new long[] {1, 6, 4}, AxisFold.block(shape, new boolean[] {true, true, false}));
        assertArrayEquals(new long[] {2, 12, 1}, AxisFold.block(shape, new boolean[] {false, true, true}));
        assertArrayEquals(new long[] {1, 24, 1}, AxisFold.block(shape, new boolean[] {true, true, true}));
    }

    @Test
    void lengthOneAxesDoNotSeparateReducedAxes() {
        long[] shape = {5, 1, 3};
        assertArrayEquals(new long[] {1, 15, 1}, AxisFold.block(shape, new boolean[] {true, false, true}));
    }

    @Test
    void aKeptAxisBetweenReducedOnesOrNothingToFoldGivesNoBlock() {
        assertNull(AxisFold.block(new long[] {2, 3, 4}, new boolean[] {true, false, true}));
        assertNull(AxisFold.block(new long[] {1, 3}, new boolean[] {true, false}));
    }
}
