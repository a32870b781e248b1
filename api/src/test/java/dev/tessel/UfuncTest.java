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

    @Test
    void outAliasingAnInputOtherThanElementwiseIsComputedAsIfSeparate() {
        NdArray a = Nd.arange(4).astype(DType.FLOAT64);
        NdArray rev = a.slice("::-1");
        Ufuncs.ADD.call(new Object[] {a, rev}, new NdArray[] {a}, null, null, null);
        assertArrayEquals(new double[] {3, 3, 3, 3}, a.toDoubleArray());
        NdArray m = Nd.arange(9).astype(DType.FLOAT64).reshape(3, 3);
        Ufuncs.ADD.call(new Object[] {m, m.T()}, new NdArray[] {m}, null, null, null);
        assertArrayEquals(new double[] {0, 4, 8, 4, 8, 12, 8, 12, 16}, m.toDoubleArray());
        NdArray r = Nd.arange(6).astype(DType.FLOAT64).reshape(2, 3);
        Ufuncs.ADD.reduce(r, new int[] {0}, null, r.slice("0"), false, null, null);
        assertArrayEquals(new double[] {3, 5, 7, 3, 4, 5}, r.toDoubleArray());
    }

    @Test
    void whereLeavesMaskedOutputsAndAtAccumulatesRepeats() {
        NdArray out = Nd.full(DType.FLOAT64, -1, 4);
        NdArray mask = Nd.array(new boolean[] {true, false, true, false});
        Ufuncs.MULTIPLY.call(new Object[] {Nd.arange(4), 2.0}, new NdArray[] {out}, mask, null, null);
        assertArrayEquals(new double[] {0, -1, 4, -1}, out.toDoubleArray());
        NdArray acc = Nd.zeros(3);
        Ufuncs.ADD.at(acc, Nd.array(new long[] {0, 2, 2, -1}), Nd.scalar(1.0, DType.FLOAT64));
        assertArrayEquals(new double[] {1, 0, 3}, acc.toDoubleArray());
    }

    @Test
    void dtypeSelectsTheLoopAndComparisonsWithWideScalarsAreExact() {
        NdArray a = Nd.array(new byte[] {100, 100});
        NdArray r = Ufuncs.ADD.call(new Object[] {a, a}, null, null, DType.FLOAT32, Casting.SAME_KIND)[0];
        assertEquals(DType.FLOAT32, r.dtype());
        assertArrayEquals(new float[] {200, 200}, r.toFloatArray());
        NdArray u8 = Nd.array(new byte[] {0, (byte) 255}).astype(DType.UINT8);
        assertArrayEquals(new boolean[] {false, false}, Ufuncs.LESS.call(u8, -1).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true}, Ufuncs.LESS.call(u8, 300).toBooleanArray());
    }

    @Test
    void blockedSumDoesNotDependOnTheInputStride() {
        int n = 100_003;
        float[] data = new float[2 * n];
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < data.length; i++) {
            data[i] = rnd.nextFloat() - 0.5f;
        }
        NdArray wide = Nd.wrap(data, 2 * n);
        NdArray strided = wide.slice("::2");
        NdArray dense = strided.copy();
        assertEquals(Float.floatToIntBits((float) dense.sum().item()), Float.floatToIntBits((float) strided.sum().item()));
    }
}
