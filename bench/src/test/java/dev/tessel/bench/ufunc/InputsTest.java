package dev.tessel.bench.ufunc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tessel.DType;
import org.junit.jupiter.api.Test;

class InputsTest {
    /** Must agree with grid() in bench/numpy_peer.py; the expected pairs are that function's output. */
    @Test
    void gridMatchesTheNumpyPeer() {
        long[][] expected = {{7, 1, 7}, {12, 3, 4}, {1000, 25, 40}, {100000, 250, 400}, {1000000, 1000, 1000},
            {10000000, 3125, 3200}, {999983, 1, 999983}};
        for (long[] e : expected) {
            assertArrayEquals(new long[] {e[1], e[2]}, Inputs.grid(e[0]), "size " + e[0]);
        }
    }

    @Test
    void rampsSpanTheOrdinaryRange() {
        double[] v = Inputs.ramp(DType.FLOAT64, 5, 0.0).toDoubleArray();
        assertArrayEquals(new double[] {0.5, 0.75, 1.0, 1.25, 1.5}, v);
        assertArrayEquals(new long[] {25, 40}, Inputs.ramp(DType.FLOAT32, 1000, 0.1, 25, 40).shape());
        assertEquals(DType.FLOAT32, Inputs.ramp(DType.FLOAT32, 3, 0.0).dtype());
        assertThrows(IllegalArgumentException.class, () -> Inputs.dtype("int8"));
    }
}
