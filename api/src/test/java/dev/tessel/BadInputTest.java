package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input across the array model: each case checks the exception type and its whole message. */
class BadInputTest {
    private static <T extends Throwable> void refuses(Class<T> type, String message, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(message, e.getMessage());
    }

    // ---- shapes ----

    @Test
    void negativeDimension() {
        refuses(ShapeException.class, "negative dimensions are not allowed: (2, -1)", () -> Nd.zeros(2, -1));
    }

    @Test
    void elementCountOverflow() {
        refuses(ShapeException.class, "array is too big; the size of shape (1099511627776, 1099511627776) overflows a 64-bit count",
                () -> Nd.zeros(1L << 40, 1L << 40));
    }

    @Test
    void byteCountOverflow() {
        refuses(ShapeException.class, "array is too big; shape (2305843009213693952,) of float64 overflows a byte count",
                () -> Nd.zeros(DType.FLOAT64, 1L << 61));
    }

    @Test
    void moreThan64Dimensions() {
        refuses(ShapeException.class, "maximum supported dimension for an ndarray is 64, found 65", () -> Nd.zeros(new long[65]));
    }

    @Test
    void newAxesPast64Dimensions() {
        NdArray a = Nd.zeros(new long[63]);
        refuses(ShapeException.class, "maximum supported dimension for an ndarray is 64, found 65", () -> a.slice("None, None"));
    }

    @Test
    void reshapeToWrongSize() {
        refuses(ShapeException.class, "cannot reshape array of size 6 into shape (4, 2)", () -> Nd.zeros(6).reshape(4, 2));
    }

    @Test
    void reshapeWithTwoUnknowns() {
        refuses(ShapeException.class, "can only specify one unknown dimension in reshape (-1, -1)", () -> Nd.zeros(6).reshape(-1, -1));
    }

    @Test
    void reshapeWithNegativeDimension() {
        refuses(ShapeException.class, "negative dimensions are not allowed: (-2, -3)", () -> Nd.zeros(6).reshape(-2, -3));
    }

    @Test
    void reshapeUnknownWithZeroSize() {
        refuses(ShapeException.class, "cannot reshape array of size 0 into shape (0, -1)", () -> Nd.zeros(0).reshape(0, -1));
    }

    @Test
    void broadcastMismatchShowsBothShapes() {
        refuses(ShapeException.class,
                "operands could not be broadcast together with remapped shapes [original->remapped]: (3,) and requested shape (2,4)",
                () -> Nd.zeros(3).broadcastTo(2, 4));
    }

    @Test
    void assignFromIncompatibleShape() {
        refuses(ShapeException.class,
                "operands could not be broadcast together with remapped shapes [original->remapped]: (3,) and requested shape (2,2)",
                () -> Nd.zeros(2, 2).assign(Nd.zeros(3)));
    }

    @Test
    void squeezeOfLongAxis() {
        refuses(ShapeException.class,
                "cannot select an axis to squeeze out which has size not equal to one (axis 1 of shape (1, 3))",
                () -> Nd.zeros(1, 3).squeeze(1));
    }

    @Test
    void nonRectangularNestedArray() {
        refuses(ShapeException.class,
                "setting an array element with a sequence: the nested Java array is not rectangular (axis 1 has lengths 2 and 1)",
                () -> Nd.array(new double[][] {{1, 2}, {3}}));
    }

    @Test
    void nestedArrayWithNullRow() {
        refuses(ShapeException.class,
                "setting an array element with a sequence: the nested Java array has a null entry at axis 0",
                () -> Nd.array(new int[][] {{1, 2}, null}));
    }

    // ---- axes ----

    @Test
    void axisOutOfRange() {
        refuses(AxisException.class, "axis 3 is out of bounds for array of dimension 2", () -> Nd.zeros(2, 3).moveaxis(3, 0));
    }

    @Test
    void repeatedAxis() {
        refuses(AxisException.class, "repeated axis 0 in [0, 0]", () -> Nd.zeros(2, 3).transpose(0, 0));
    }

    @Test
    void wrongNumberOfTransposeAxes() {
        refuses(AxisException.class, "axes don't match array: got [1, 0] for an array of dimension 3", () -> Nd.zeros(2, 3, 4).transpose(1, 0));
    }

    // ---- indexing ----

    @Test
    void indexOutOfBounds() {
        refuses(IndexOutOfBoundsException.class, "index 5 is out of bounds for axis 0 with size 3", () -> Nd.zeros(3).getDouble(5));
    }

    @Test
    void sliceIntegerOutOfBounds() {
        refuses(IndexOutOfBoundsException.class, "index -4 is out of bounds for axis 1 with size 3", () -> Nd.zeros(2, 3).slice(":, -4"));
    }

    @Test
    void tooManyIndices() {
        refuses(IndexException.class, "too many indices for array: array is 1-dimensional, but 2 were indexed",
                () -> Nd.zeros(3).slice("1, 2"));
    }

    @Test
    void wrongIndexCountForElementAccess() {
        refuses(IndexOutOfBoundsException.class, "expected 2 indices for an array of shape (2, 3), got 1", () -> Nd.zeros(2, 3).getLong(1));
    }

    @Test
    void malformedSliceTooManyColons() {
        refuses(SliceSyntaxException.class, "too many ':' in slice '1:2:3:4' (a slice is start:stop:step) at position 3 in \"0, 1:2:3:4\"",
                () -> Nd.zeros(3, 5).slice("0, 1:2:3:4"));
    }

    @Test
    void malformedSliceWord() {
        refuses(SliceSyntaxException.class,
                "invalid index 'x' (expected an integer, ':', '...', 'None' or 'newaxis') at position 0 in \"x\"",
                () -> Nd.zeros(3).slice("x"));
    }

    @Test
    void malformedSliceEmptyItem() {
        refuses(SliceSyntaxException.class, "empty index item at position 2 in \"1,,2\"", () -> Nd.zeros(3, 3).slice("1,,2"));
    }

    @Test
    void malformedSliceBadStop() {
        refuses(SliceSyntaxException.class,
                "invalid slice stop '2.5' (expected an integer, ':', '...', 'None' or 'newaxis') at position 2 in \"1:2.5\"",
                () -> Nd.zeros(3).slice("1:2.5"));
    }

    @Test
    void sliceStepZero() {
        refuses(SliceSyntaxException.class, "slice step cannot be zero at position 4 in \"1:3:0\"", () -> Nd.zeros(3).slice("1:3:0"));
    }

    @Test
    void twoEllipses() {
        refuses(IndexException.class, "an index can only have a single ellipsis ('...')", () -> Nd.zeros(3).slice("..., ..."));
    }

    @Test
    void maskShapeMismatchShowsBothShapes() {
        refuses(IndexException.class, "boolean index did not match indexed array along axis 0; size of axis is 3 but size of "
                + "corresponding boolean axis is 2 (array shape (3, 4), mask shape (2,))",
                () -> Nd.zeros(3, 4).get(Nd.array(new boolean[] {true, false})));
    }

    @Test
    void maskWithTooManyAxes() {
        refuses(IndexException.class, "too many indices for array: array is 1-dimensional, but 2 were indexed",
                () -> Nd.zeros(2).get(Nd.zeros(DType.BOOL, 2, 2)));
    }

    @Test
    void takeOutOfBounds() {
        refuses(IndexException.class, "index 4 is out of bounds for axis 1 with size 4",
                () -> Nd.zeros(3, 4).take(Nd.array(new long[] {0, 4}), 1));
    }

    @Test
    void takeNegativeOutOfBounds() {
        refuses(IndexException.class, "index -4 is out of bounds for axis 0 with size 3",
                () -> Nd.zeros(3).set(Nd.array(new int[] {-4}), 1.0));
    }

    // ---- casting and writing ----

    @Test
    void disallowedCast() {
        refuses(CastingException.class, "Cannot cast array data from dtype('float32') to dtype('int8') according to the rule 'same_kind'",
                () -> Nd.zeros(DType.FLOAT32, 2).astype(DType.INT8, Casting.SAME_KIND));
    }

    @Test
    void writeThroughBroadcastView() {
        refuses(ReadOnlyArrayException.class, "assignment destination is read-only (array of shape (4, 3), dtype float64)",
                () -> Nd.zeros(3).broadcastTo(4, 3).fill(1));
    }

    @Test
    void writeThroughSliceOfBroadcastView() {
        refuses(ReadOnlyArrayException.class, "assignment destination is read-only (array of shape (3,), dtype int32)",
                () -> Nd.zeros(DType.INT32, 3).broadcastTo(2, 3).slice("0").assign(Nd.zeros(3)));
    }

    // ---- joining ----

    @Test
    void concatenateShapeMismatch() {
        refuses(ShapeException.class, "all the input array dimensions except for the concatenation axis must match exactly, but "
                + "along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2 (shapes (2, 3) and (2, 2))",
                () -> Nd.concatenate(0, Nd.zeros(2, 3), Nd.zeros(2, 2)));
    }

    @Test
    void concatenateBadAxis() {
        refuses(AxisException.class, "axis 2 is out of bounds for array of dimension 2", () -> Nd.concatenate(2, Nd.zeros(2, 3), Nd.zeros(2, 3)));
    }

    @Test
    void stackShapeMismatch() {
        refuses(ShapeException.class, "all input arrays must have the same shape, but the array at index 0 has shape (3,) and the array "
                + "at index 2 has shape (4,)", () -> Nd.stack(0, Nd.zeros(3), Nd.zeros(3), Nd.zeros(4)));
    }

    @Test
    void splitUnequal() {
        refuses(ShapeException.class, "array split does not result in an equal division: axis 0 of shape (5,) has length 5, "
                + "not divisible into 2 sections", () -> Nd.split(Nd.zeros(5), 2, 0));
    }

    // ---- creation ----

    @Test
    void wrapWithWrongShape() {
        refuses(ShapeException.class, "cannot wrap 6 elements as shape (4,)", () -> Nd.wrap(new double[6], 4));
    }

    @Test
    void itemOfLargerArray() {
        refuses(ShapeException.class, "can only convert an array of size 1 to a scalar, got shape (2,)", () -> Nd.zeros(2).item());
    }
}
