package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewsTest {
    @Test
    void reshapeOfContiguousIsAView() {
        NdArray a = Nd.arange(12, DType.FLOAT32);
        NdArray b = a.reshape(3, -1);
        assertArrayEquals(new long[] {3, 4}, b.shape());
        assertTrue(b.sharesStorage(a));
        b.set(99.0, 1, 2);
        assertEquals(99.0, a.getDouble(6));
    }

    @Test
    void reshapeOfTransposeCopies() {
        NdArray a = Nd.arange(6, DType.INT32).reshape(2, 3).T();
        NdArray r = a.reshape(6);
        assertFalse(r.sharesStorage(a));
        assertArrayEquals(new int[] {0, 3, 1, 4, 2, 5}, r.toIntArray());
    }

    @Test
    void transposeReadsInCOrder() {
        NdArray a = Nd.arange(6, DType.INT64).reshape(2, 3);
        assertArrayEquals(new long[] {0, 3, 1, 4, 2, 5}, a.T().toLongArray());
        assertArrayEquals(new long[] {3, 2}, a.T().shape());
    }

    @Test
    void broadcastViewIsReadOnly() {
        NdArray b = Nd.arange(3, DType.INT32).broadcastTo(2, 3);
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, b.toIntArray());
        assertThrows(ReadOnlyArrayException.class, () -> b.set(1L, 0, 0));
    }

    @Test
    void badReshapeNamesSizeAndShape() {
        ShapeException e = assertThrows(ShapeException.class, () -> Nd.zeros(6).reshape(4, -1));
        assertEquals("cannot reshape array of size 6 into shape (4, -1)", e.getMessage());
    }

    @Test
    void astypeSafeRefusesNarrowing() {
        CastingException e = assertThrows(CastingException.class, () -> Nd.zeros(2).astype(DType.INT32, Casting.SAFE));
        assertEquals("Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'safe'", e.getMessage());
    }

    @Test
    void emptyAndZeroDimensionalArraysCopyOut() {
        assertArrayEquals(new double[0], Nd.zeros(DType.FLOAT32, 0, 3).toDoubleArray());
        assertArrayEquals(new long[0], Nd.zeros(DType.INT32, 2, 0).copy('F').toLongArray());
        assertArrayEquals(new double[] {2.5}, Nd.scalar(2.5, DType.FLOAT64).toDoubleArray());
        assertArrayEquals(new int[] {7}, Nd.scalar(7).toIntArray());
    }
}
