package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UfuncTest {
    @Test
    void addBroadcastsAndPromotes() {
        NdArray a = Nd.array(new int[][] {{1, 2, 3}, {4, 5, 6}});
        NdArray b = Nd.array(new double[] {0.5, 1.5, 2.5});
        NdArray c = Ufuncs.ADD.call(a, b);
        assertEquals(DType.FLOAT64, c.dtype());
        assertArrayEquals(new long[] {2, 3}, c.shape());
        assertArrayEquals(new double[] {1.5, 3.5, 5.5, 4.5, 6.5, 8.5}, c.toDoubleArray());
    }

    @Test
    void javaScalarsAreWeak() {
        NdArray a = Nd.array(new byte[] {1, 2, 127});
        NdArray c = Ufuncs.ADD.call(a, 1);
        assertEquals(DType.INT8, c.dtype());
        assertArrayEquals(new byte[] {2, 3, -128}, c.toByteArray());
        assertEquals(DType.FLOAT64, Ufuncs.ADD.call(a, 1.5).dtype());
        NdArray f = Nd.array(new float[] {1, 2});
        assertEquals(DType.FLOAT32, Ufuncs.MULTIPLY.call(f, 2.0).dtype());
    }

    @Test
    void unknownNameSuggests() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ufunc.of("logaddexpp"));
        assertTrue(e.getMessage().contains("'logaddexp'"), e.getMessage());
    }

    @Test
    void float16ComputesThroughFloat32() {
        NdArray a = Nd.array(new byte[] {4, 9}).astype(DType.INT8);
        NdArray r = Ufuncs.SQRT.call(a);
        assertEquals(DType.FLOAT16, r.dtype());
        assertArrayEquals(new double[] {2, 3}, r.toDoubleArray());
    }

    @Test
    void reduceAndAccumulate() {
        NdArray a = Nd.arange(12).reshape(3, 4);
        assertArrayEquals(new long[] {12, 15, 18, 21}, Ufuncs.ADD.reduce(a, 0).toLongArray());
        assertArrayEquals(new long[] {6, 22, 38}, Ufuncs.ADD.reduce(a, 1).toLongArray());
        assertEquals(66, Ufuncs.ADD.reduceAll(a).item());
        assertArrayEquals(new long[] {0, 1, 3, 6}, Ufuncs.ADD.accumulate(Nd.arange(4), 0).toLongArray());
    }

    @Test
    void inPlaceWithOverlap() {
        NdArray a = Nd.arange(6).astype(DType.FLOAT64);
        NdArray head = a.reshape(6).broadcastTo(6);
        Ufuncs.ADD.call(new Object[] {a, a}, new NdArray[] {a}, null, null, null);
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, a.toDoubleArray());
        assertEquals(6, head.size());
    }

    @Test
    void namedReductionsAndMatmul() {
        NdArray a = Nd.arange(6).reshape(2, 3);
        assertEquals(15, a.sum().item());
        assertEquals(DType.INT64, Nd.array(new int[] {1, 2}).sum().dtype());
        assertEquals(2.5, a.mean().item());
        assertArrayEquals(new long[] {2, 2}, a.argmax(1).toLongArray());
        NdArray m = Nd.matmul(a, a.T());
        assertArrayEquals(new long[] {5, 14, 14, 50}, m.toLongArray());
        NdArray v = Nd.matmul(Nd.arange(3), Nd.arange(3));
        assertEquals(0, v.ndim());
        assertEquals(5, v.item());
        NdArray big = Nd.ones(DType.FLOAT32, 100_001);
        assertEquals(100_001.0, big.sum().item());
    }
}
