package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each bad call fails with a specific exception whose message names the problem, as NumPy's do. */
class UfuncBadInputTest {
    private static final NdArray F3 = Nd.array(new double[] {1, 2, 3});
    private static final NdArray M23 = Nd.arange(6).reshape(2, 3);

    private static <T extends Throwable> void fails(Class<T> type, String message, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(message, e.getMessage());
    }

    @Test
    void wrongArity() {
        fails(IllegalArgumentException.class, "add() takes 2 input operands but 1 was given", () -> Ufuncs.ADD.call(F3));
        fails(IllegalArgumentException.class, "sqrt() takes 1 input operand but 2 were given",
                () -> Ufuncs.SQRT.call(F3, F3));
        fails(IllegalArgumentException.class, "divmod() has 2 outputs but out has 1 entry",
                () -> Ufuncs.DIVMOD.call(new Object[] {F3, F3}, new NdArray[] {Nd.zeros(3)}, null, null, null));
        fails(IllegalArgumentException.class, "divmod has 2 outputs; use callAll to get them all",
                () -> Ufuncs.DIVMOD.call(F3, F3));
    }

    @Test
    void outOfTheWrongShape() {
        fails(ShapeException.class, "operands could not be broadcast together with shapes (3,) (3,) (4,)",
                () -> Ufuncs.ADD.call(new Object[] {F3, F3}, new NdArray[] {Nd.zeros(4)}, null, null, null));
        fails(ShapeException.class, "non-broadcastable output operand with shape (1,) doesn't match the broadcast shape (3,)",
                () -> Ufuncs.ADD.call(new Object[] {F3, F3}, new NdArray[] {Nd.zeros(1)}, null, null, null));
        fails(ShapeException.class, "add.reduce: output parameter has shape (2,) but the result has shape (3,)",
                () -> Ufuncs.ADD.reduce(M23, new int[] {0}, null, Nd.zeros(2), false, null, null));
    }

    @Test
    void outOfTheWrongDtype() {
        fails(CastingException.class,
                "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int32') with casting rule 'same_kind'",
                () -> Ufuncs.ADD.call(new Object[] {F3, F3}, new NdArray[] {Nd.zeros(DType.INT32, 3)}, null, null, null));
        fails(CastingException.class,
                "Cannot cast ufunc 'less' output from dtype('bool') to dtype('float64') with casting rule 'no'",
                () -> Ufuncs.LESS.call(new Object[] {F3, F3}, new NdArray[] {Nd.zeros(3)}, null, null, Casting.NO));
    }

    @Test
    void forbiddenInputCast() {
        fails(CastingException.class,
                "Cannot cast ufunc 'add' input 0 from dtype('float64') to dtype('int32') with casting rule 'same_kind'",
                () -> Ufuncs.ADD.call(new Object[] {F3, F3}, null, null, DType.INT32, Casting.SAME_KIND));
        NdArray i32 = Nd.zeros(DType.INT32, 3);
        NdArray i64 = Nd.zeros(DType.INT64, 3);
        fails(CastingException.class,
                "Cannot cast ufunc 'add' input 0 from dtype('int32') to dtype('int64') with casting rule 'no'",
                () -> Ufuncs.ADD.call(new Object[] {i32, i64}, null, null, null, Casting.NO));
        fails(CastingException.class,
                "Cannot cast array data (where=) from dtype('int64') to dtype('bool') according to the rule 'safe'",
                () -> Ufuncs.ADD.call(new Object[] {F3, F3}, null, Nd.arange(3), null, null));
    }

    @Test
    void axisOutOfRangeOrRepeated() {
        fails(AxisException.class, "axis 2 is out of bounds for array of dimension 2", () -> M23.sum(2));
        fails(AxisException.class, "axis -3 is out of bounds for array of dimension 2", () -> Ufuncs.ADD.reduce(M23, -3));
        fails(AxisException.class, "repeated axis -1 in [1, -1]", () -> M23.sum(1, -1));
        fails(AxisException.class, "axis 2 is out of bounds for array of dimension 2", () -> M23.argmax(2));
        fails(AxisException.class, "axis 5 is out of bounds for array of dimension 2", () -> Ufuncs.ADD.accumulate(M23, 5));
        fails(IllegalArgumentException.class,
                "reduction operation 'subtract' is not reorderable, so at most one axis may be specified",
                () -> Ufuncs.SUBTRACT.reduce(M23, 0, 1));
    }

    @Test
    void reduceOfEmptyWithoutIdentity() {
        NdArray empty = Nd.zeros(0, 3);
        fails(IllegalArgumentException.class, "zero-size array to reduction operation maximum which has no identity",
                () -> Ufuncs.MAXIMUM.reduce(empty, 0));
        fails(IllegalArgumentException.class, "zero-size array to reduction operation minimum which has no identity",
                () -> empty.min());
        fails(IllegalArgumentException.class, "attempt to get argmax of an empty sequence", () -> empty.argmax());
        fails(IllegalArgumentException.class,
                "reduction operation 'maximum' does not have an identity, so to use a where mask one has to specify 'initial'",
                () -> Ufuncs.MAXIMUM.reduce(M23, new int[] {0}, null, null, false, null, Nd.ones(DType.BOOL, 2, 3)));
        assertEquals(0.0, Ufuncs.ADD.reduce(empty, 0).sum().item());
    }

    @Test
    void atWithIndicesOutOfBounds() {
        NdArray a = Nd.zeros(3);
        fails(IndexOutOfBoundsException.class, "index 5 is out of bounds for axis 0 with size 3",
                () -> Ufuncs.ADD.at(a, Nd.array(new long[] {0, 5}), Nd.scalar(1.0, DType.FLOAT64)));
        fails(IndexOutOfBoundsException.class, "index -4 is out of bounds for axis 0 with size 3",
                () -> Ufuncs.ADD.at(a, Nd.array(new long[] {-4}), Nd.scalar(1.0, DType.FLOAT64)));
        assertEquals(0.0, a.sum().item(), "a failed at() writes nothing");
        fails(IndexException.class, "arrays used as indices must be of integer type, got float64",
                () -> Ufuncs.ADD.at(a, Nd.zeros(1), Nd.scalar(1.0, DType.FLOAT64)));
    }

    @Test
    void matmulWithMismatchedInnerDimensions() {
        fails(ShapeException.class, "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
                        + "(n?,k),(k,m?)->(n?,m?) (size 4 is different from 3): shapes (2, 3) and (4, 5)",
                () -> Nd.matmul(Nd.zeros(2, 3), Nd.zeros(4, 5)));
        fails(IllegalArgumentException.class, "matmul: Input operand 0 does not have enough dimensions (has 0, gufunc core "
                + "with signature (n?,k),(k,m?)->(n?,m?) requires 1)", () -> Nd.matmul(Nd.scalar(1.0, DType.FLOAT64), F3));
        fails(ShapeException.class, "shapes (2, 3) and (2, 3) not aligned: 3 (dim 1) != 2 (dim 0)",
                () -> Nd.dot(Nd.zeros(2, 3), Nd.zeros(2, 3)));
    }

    @Test
    void otherRefusals() {
        fails(IllegalArgumentException.class, "no ufunc named 'arcsine'; did you mean 'arcsin', 'arcsinh', 'arctan'?",
                () -> Ufunc.of("arcsine"));
        fails(IllegalArgumentException.class, "no ufunc named 'logaddexpp'; did you mean 'logaddexp', 'logaddexp2', "
                + "'log1p'?", () -> Ufunc.of("logaddexpp"));
        NdArray b = Nd.array(new boolean[] {true, false});
        fails(IllegalArgumentException.class, "numpy boolean subtract, the `-` operator, is not supported, use the "
                + "bitwise_xor, the `^` operator, or the logical_xor function instead.", () -> b.sub(b));
        fails(IllegalArgumentException.class, "Integers to negative integer powers are not allowed.",
                () -> Nd.arange(3).pow(Nd.array(new long[] {-1})));
        fails(IllegalArgumentException.class, "Java integer -1 out of bounds for uint8",
                () -> Nd.zeros(DType.UINT8, 2).add(-1));
        fails(ReadOnlyArrayException.class, "assignment destination is read-only (array of shape (3,), dtype float64)",
                () -> Ufuncs.ADD.call(new Object[] {F3, F3}, new NdArray[] {Nd.zeros(1).broadcastTo(3)}, null, null, null));
        fails(IllegalArgumentException.class, "reduce only supported for binary functions (sqrt has 1 inputs and 1 outputs)",
                () -> Ufuncs.SQRT.reduce(F3));
        fails(IllegalArgumentException.class, "outer product only supported for binary functions (sqrt has 1 inputs)",
                () -> Ufuncs.SQRT.outer(F3, F3));
        fails(IllegalArgumentException.class, "All-NaN slice encountered",
                () -> Nd.nanargmax(Nd.array(new double[] {Double.NaN, Double.NaN})));
        fails(IllegalArgumentException.class, "cannot accumulate on a scalar (0-d array)",
                () -> Ufuncs.ADD.accumulate(Nd.scalar(1.0, DType.FLOAT64), 0));
    }
}
