package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IndexingTest {
    private static NdArray grid() {
        return Nd.arange(24, DType.INT32).reshape(2, 3, 4);
    }

    @Test
    void typedBuilderMatchesString() {
        NdArray a = grid();
        NdArray s = a.slice("1, 0:3:2, ::-1");
        NdArray t = a.slice(Index.at(1), Index.range(0, 3, 2), Index.slice(null, null, -1));
        assertArrayEquals(s.shape(), t.shape());
        // np.arange(24).reshape(2, 3, 4)[1, 0:3:2, ::-1]
        assertArrayEquals(new int[] {15, 14, 13, 12, 23, 22, 21, 20}, t.toIntArray());
        assertArrayEquals(s.toIntArray(), t.toIntArray());
    }

    @Test
    void ellipsisAndNewAxisPlaceAxes() {
        NdArray v = grid().slice(Index.newAxis(), Index.ellipsis(), Index.at(-1), Index.newAxis());
        assertArrayEquals(new long[] {1, 2, 3, 1}, v.shape());
        assertArrayEquals(new int[] {3, 7, 11, 15, 19, 23}, v.toIntArray());
    }

    @Test
    void slicesAreViewsThatWriteThrough() {
        NdArray a = grid();
        NdArray v = a.slice(":, 1, ::2");
        assertTrue(v.sharesStorage(a));
        v.fill(-1);
        assertEquals(-1, a.getLong(1, 1, 2));
        assertEquals(-1, a.getLong(0, 1, 0));
        assertEquals(7, a.getLong(0, 1, 3));
    }

    @Test
    void setBySliceWithScalarAndBroadcastValues() {
        NdArray a = Nd.zeros(DType.FLOAT32, 3, 4);
        a.set("1:, ::3", 5.0);
        a.set("0", Nd.array(new float[] {1, 2, 3, 4}));
        a.set(":, 1:3", Nd.array(new float[][] {{7}, {8}, {9}}));
        // np equivalent gives rows [1,7,7,4], [5,8,8,5], [5,9,9,5]
        assertArrayEquals(new float[] {1, 7, 7, 4, 5, 8, 8, 5, 5, 9, 9, 5}, a.toFloatArray());
    }

    @Test
    void setThroughReadOnlyViewIsRefused() {
        NdArray b = Nd.arange(3).broadcastTo(2, 3);
        ReadOnlyArrayException e = assertThrows(ReadOnlyArrayException.class, () -> b.set("0", 1.0));
        assertEquals("assignment destination is read-only (array of shape (2, 3), dtype int64)", e.getMessage());
    }

    @Test
    void emptySliceOfNegativeStepHasNoElements() {
        NdArray v = Nd.arange(5).slice("1:3:-1");
        assertArrayEquals(new long[] {0}, v.shape());
        assertEquals(0, v.toLongArray().length);
    }

    @Test
    void extremeStepsAndBoundsClipAsPython() {
        NdArray a = Nd.arange(5);
        // np.arange(5)[::-(2**63)] == [4]; np.arange(5)[-(2**63):2**63-1:2**63-1] == [0]
        assertArrayEquals(new long[] {4}, a.slice(Index.slice(null, null, Long.MIN_VALUE)).toLongArray());
        assertArrayEquals(new long[] {0}, a.slice(Index.range(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE)).toLongArray());
        assertArrayEquals(new long[] {4, 3, 2, 1, 0}, a.slice("9223372036854775807:-9223372036854775808:-1").toLongArray());
    }

    @Test
    void doubleEllipsisIsRefused() {
        IndexException e = assertThrows(IndexException.class, () -> grid().slice("..., 1, ..."));
        assertEquals("an index can only have a single ellipsis ('...')", e.getMessage());
    }

    @Test
    void zeroStepInTypedBuilderIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Index.range(0, 3, 0));
        assertEquals("slice step cannot be zero", e.getMessage());
    }
}
