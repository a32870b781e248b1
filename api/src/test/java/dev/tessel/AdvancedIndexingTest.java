package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdvancedIndexingTest {
    private static NdArray grid() {
        return Nd.arange(12, DType.FLOAT64).reshape(3, 4);
    }

    @Test
    void maskOverAllAxesGivesOneDimensionalCopy() {
        NdArray a = grid();
        NdArray mask = Nd.array(new boolean[][] {{true, false, false, true}, {false, false, false, false}, {true, true, false, false}});
        NdArray r = a.get(mask);
        assertArrayEquals(new double[] {0, 3, 8, 9}, r.toDoubleArray());
        assertFalse(r.sharesStorage(a));
    }

    @Test
    void maskOverLeadingAxisKeepsRows() {
        NdArray r = grid().get(Nd.array(new boolean[] {true, false, true}));
        assertArrayEquals(new long[] {2, 4}, r.shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 8, 9, 10, 11}, r.toDoubleArray());
    }

    @Test
    void maskAssignmentBroadcastsValues() {
        NdArray a = grid();
        a.set(Nd.array(new boolean[] {false, true, true}), Nd.array(new double[] {-1, -2, -3, -4}));
        assertArrayEquals(new double[] {0, 1, 2, 3, -1, -2, -3, -4, -1, -2, -3, -4}, a.toDoubleArray());
        NdArray b = grid();
        b.set(Nd.array(new boolean[] {true, false, true}).reshape(3), 7.0);
        assertEquals(7.0, b.getDouble(2, 3));
        assertEquals(5.0, b.getDouble(1, 1));
    }

    @Test
    void maskOnTransposedViewWritesThroughItsStrides() {
        NdArray a = grid();
        NdArray t = a.T(); // shape (4, 3)
        t.set(Nd.array(new boolean[] {false, true, false, false}), 0.5);
        // a[:, 1] = 0.5
        assertArrayEquals(new double[] {0, 0.5, 2, 3, 4, 0.5, 6, 7, 8, 0.5, 10, 11}, a.toDoubleArray());
    }

    @Test
    void takeAlongAxisWithNegativeIndices() {
        NdArray r = grid().take(Nd.array(new long[] {-1, 0}), 1);
        assertArrayEquals(new long[] {3, 2}, r.shape());
        assertArrayEquals(new double[] {3, 0, 7, 4, 11, 8}, r.toDoubleArray());
    }

    @Test
    void takeWithoutAxisReadsFlattened() {
        NdArray r = grid().T().take(Nd.array(new int[][] {{1, 2}, {-1, 0}}));
        assertArrayEquals(new long[] {2, 2}, r.shape());
        // np.take(np.arange(12.).reshape(3, 4).T, [[1, 2], [-1, 0]])
        assertArrayEquals(new double[] {4, 8, 11, 0}, r.toDoubleArray());
    }

    @Test
    void integerArrayGetAndSetOnAxisZero() {
        NdArray a = grid();
        NdArray idx = Nd.array(new int[] {2, -3});
        assertArrayEquals(new double[] {8, 9, 10, 11, 0, 1, 2, 3}, a.get(idx).toDoubleArray());
        a.set(idx, Nd.array(new double[][] {{100}, {200}}));
        assertArrayEquals(new double[] {200, 200, 200, 200, 4, 5, 6, 7, 100, 100, 100, 100}, a.toDoubleArray());
    }

    @Test
    void repeatedIndicesLastWriteWins() {
        NdArray a = Nd.zeros(DType.INT32, 3);
        a.set(Nd.array(new long[] {1, 1}), Nd.array(new int[] {5, 6}));
        assertArrayEquals(new int[] {0, 6, 0}, a.toIntArray());
    }

    @Test
    void valuesAliasingTheTargetAreReadFirst() {
        NdArray a = Nd.arange(4);
        a.set(Nd.array(new int[] {0, 1, 2, 3}), a.slice("::-1"));
        assertArrayEquals(new long[] {3, 2, 1, 0}, a.toLongArray());
    }

    @Test
    void castsValuesToTheTargetDtype() {
        NdArray a = Nd.zeros(DType.INT16, 4);
        a.set(Nd.array(new long[] {3, 1}), Nd.array(new double[] {2.9, -1.5}));
        assertArrayEquals(new short[] {0, -1, 0, 2}, a.toShortArray());
    }

    @Test
    void floatIndexArrayIsRefused() {
        IndexException e = assertThrows(IndexException.class, () -> grid().get(Nd.array(new double[] {1})));
        assertEquals("arrays used as indices must be of integer (or boolean) type, got float64", e.getMessage());
    }

    @Test
    void maskAssignmentIntoReadOnlyViewIsRefused() {
        NdArray b = Nd.arange(3).broadcastTo(2, 3);
        assertThrows(ReadOnlyArrayException.class, () -> b.set(Nd.array(new boolean[] {true, false}), 1.0));
    }
}
