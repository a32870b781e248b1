package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@code ufunc.at} with a tuple of index arrays: NumPy's refusals, and nothing written on a refusal. */
class AtTupleBadInputTest {
    private static final NdArray ONE = Nd.scalar(1.0, DType.FLOAT64);

    private static <T extends Throwable> void fails(Class<T> type, String message, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(message, e.getMessage());
    }

    private static NdArray ix(long... v) {
        return Nd.array(v);
    }

    @Test
    void outOfBoundsNamesTheAxis() {
        NdArray a = Nd.zeros(3, 4);
        fails(IndexException.class, "index 4 is out of bounds for axis 1 with size 4",
                () -> Ufuncs.ADD.at(a, new NdArray[] {ix(0, 1), ix(4, 1)}, ONE));
        fails(IndexException.class, "index -5 is out of bounds for axis 1 with size 4",
                () -> Ufuncs.ADD.at(a, new NdArray[] {ix(0), ix(-5)}, ONE));
        fails(IndexException.class, "index 3 is out of bounds for axis 0 with size 3",
                () -> Ufuncs.ADD.at(a, new NdArray[] {ix(0, 3), ix(0, 0)}, ONE));
        assertEquals(0.0, a.sum().item(), "a refused at() writes nothing");
    }

    @Test
    void indexArraysThatDoNotBroadcast() {
        fails(IndexException.class, "shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,)",
                () -> Ufuncs.ADD.at(Nd.zeros(3, 4), new NdArray[] {ix(0, 1), ix(1, 2, 3)}, ONE));
    }

    @Test
    void tooManyIndexArrays() {
        fails(IndexException.class, "too many indices for array: array is 2-dimensional, but 3 were indexed",
                () -> Ufuncs.ADD.at(Nd.zeros(3, 4), new NdArray[] {ix(0), ix(0), ix(0)}, ONE));
        fails(IllegalArgumentException.class, "add.at() needs at least one index array",
                () -> Ufuncs.ADD.at(Nd.zeros(3, 4), new NdArray[0], ONE));
    }

    @Test
    void nonIntegerIndexArray() {
        fails(IndexException.class, "arrays used as indices must be of integer type, got float64",
                () -> Ufuncs.ADD.at(Nd.zeros(3, 4), new NdArray[] {ix(0), Nd.zeros(1)}, ONE));
    }

    @Test
    void valuesThatDoNotBroadcast() {
        assertThrows(ShapeException.class,
                () -> Ufuncs.ADD.at(Nd.zeros(3, 4), new NdArray[] {ix(0, 1), ix(1, 2)}, Nd.ones(3)));
    }
}
