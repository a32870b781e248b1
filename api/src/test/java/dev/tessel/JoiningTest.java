package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JoiningTest {
    @Test
    void concatenatePromotesLikeNumpy() {
        // np.concatenate([np.zeros(2, np.uint8), np.zeros(2, np.int8)]).dtype == int16
        assertEquals(DType.INT16, Nd.concatenate(0, Nd.zeros(DType.UINT8, 2), Nd.zeros(DType.INT8, 2)).dtype());
        // int32 with float32 gives float64
        assertEquals(DType.FLOAT64, Nd.concatenate(0, Nd.zeros(DType.INT32, 2), Nd.zeros(DType.FLOAT32, 1)).dtype());
    }

    @Test
    void concatenateAlongLastAxis() {
        NdArray r = Nd.concatenate(-1, Nd.arange(4).reshape(2, 2), Nd.arange(2).reshape(2, 1));
        assertArrayEquals(new long[] {0, 1, 0, 2, 3, 1}, r.toLongArray());
    }

    @Test
    void stackInsertsNewAxis() {
        NdArray r = Nd.stack(1, Nd.arange(3), Nd.arange(3).slice("::-1"));
        assertArrayEquals(new long[] {3, 2}, r.shape());
        assertArrayEquals(new long[] {0, 2, 1, 1, 2, 0}, r.toLongArray());
    }

    @Test
    void splitGivesViews() {
        NdArray a = Nd.arange(6);
        NdArray[] parts = Nd.split(a, 3, 0);
        assertEquals(3, parts.length);
        assertArrayEquals(new long[] {2, 3}, parts[1].toLongArray());
        assertTrue(parts[2].sharesStorage(a));
        NdArray[] at = Nd.split(a, new long[] {4, 2}, 0);
        assertArrayEquals(new long[] {0, 1, 2, 3}, at[0].toLongArray());
        assertEquals(0, at[1].size());
        assertArrayEquals(new long[] {2, 3, 4, 5}, at[2].toLongArray());
    }

    @Test
    void concatenateOfDifferentRanksNamesBoth() {
        ShapeException e = assertThrows(ShapeException.class, () -> Nd.concatenate(0, Nd.zeros(2, 2), Nd.zeros(2)));
        assertEquals("all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) "
                + "and the array at index 1 has 1 dimension(s) (shapes (2, 2) and (2,))", e.getMessage());
    }

    @Test
    void stackOfDifferentShapesNamesBoth() {
        ShapeException e = assertThrows(ShapeException.class, () -> Nd.stack(0, Nd.zeros(2, 3), Nd.zeros(3, 2)));
        assertEquals("all input arrays must have the same shape, but the array at index 0 has shape (2, 3) and the array "
                + "at index 1 has shape (3, 2)", e.getMessage());
    }

    @Test
    void unequalSplitIsRefused() {
        ShapeException e = assertThrows(ShapeException.class, () -> Nd.split(Nd.zeros(2, 7), 3, 1));
        assertEquals("array split does not result in an equal division: axis 1 of shape (2, 7) has length 7, "
                + "not divisible into 3 sections", e.getMessage());
    }

    @Test
    void zeroDimensionalInputsAreRefused() {
        ShapeException e = assertThrows(ShapeException.class, () -> Nd.concatenate(0, Nd.scalar(1), Nd.scalar(2)));
        assertEquals("zero-dimensional arrays cannot be concatenated", e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Nd.concatenate(0));
        assertEquals("need at least one array to concatenate", none.getMessage());
    }
}
