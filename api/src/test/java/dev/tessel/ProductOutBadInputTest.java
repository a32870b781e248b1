package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** matmul/dot with a bad {@code out}: NumPy's refusals, and nothing written. */
class ProductOutBadInputTest {
    private static final NdArray A = Nd.ones(2, 3);
    private static final NdArray B = Nd.ones(3, 4);
    private static final String SIG = "(n?,k),(k,m?)->(n?,m?)";

    private static <T extends Throwable> void fails(Class<T> type, String message, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(message, e.getMessage());
    }

    @Test
    void matmulOutWithAWrongCoreDimension() {
        NdArray out = Nd.zeros(2, 5);
        fails(ShapeException.class, "matmul: Output operand 0 has a mismatch in its core dimension 1, with gufunc signature "
                + SIG + " (size 5 is different from 4)", () -> Nd.matmul(A, B, out));
        fails(ShapeException.class, "matmul: Output operand 0 has a mismatch in its core dimension 0, with gufunc signature "
                + SIG + " (size 5 is different from 4)", () -> Nd.matmul(Nd.ones(3), B, Nd.zeros(5)));
        assertEquals(0.0, out.sum().item(), "a refused out is not written");
    }

    @Test
    void matmulOutWithTooFewDimensions() {
        fails(ShapeException.class, "matmul: Output operand 0 does not have enough dimensions (has 1, gufunc core with "
                + "signature " + SIG + " requires 2)", () -> Nd.matmul(A, B, Nd.zeros(4)));
    }

    @Test
    void matmulOutWhoseBatchDoesNotBroadcast() {
        fails(ShapeException.class, "non-broadcastable output operand with shape (2, 4) doesn't match the broadcast shape "
                + "(2, 2, 4)", () -> Nd.matmul(Nd.ones(2, 2, 3), B, Nd.zeros(2, 4)));
        fails(ShapeException.class, "non-broadcastable output operand with shape (3, 2, 4) doesn't match the broadcast shape "
                + "(2, 2, 4)", () -> Nd.matmul(Nd.ones(2, 2, 3), B, Nd.zeros(3, 2, 4)));
    }

    @Test
    void matmulOutOfAForbiddenDtype() {
        fails(CastingException.class, "Cannot cast ufunc 'matmul' output from dtype('float64') to dtype('int64') with "
                + "casting rule 'same_kind'", () -> Nd.matmul(A, B, Nd.zeros(DType.INT64, 2, 4)));
        fails(CastingException.class, "Cannot cast ufunc 'matmul' output from dtype('int32') to dtype('bool') with "
                + "casting rule 'same_kind'", () -> Nd.matmul(A.astype(DType.INT32), B.astype(DType.INT32),
                        Nd.zeros(DType.BOOL, 2, 4)));
    }

    @Test
    void readOnlyOut() {
        NdArray ro = Nd.zeros(4).broadcastTo(2, 4);
        assertThrows(ReadOnlyArrayException.class, () -> Nd.matmul(A, B, ro));
        NdArray roC = Nd.wrap(java.lang.foreign.MemorySegment.ofArray(new double[8]).asReadOnly(), DType.FLOAT64, 2, 4);
        assertThrows(ReadOnlyArrayException.class, () -> Nd.dot(A, B, roC));
    }

    @Test
    void dotOutMustBeExact() {
        String need = "output array is not acceptable (must have the right datatype, number of dimensions, and be a "
                + "C-Array): got ";
        fails(IllegalArgumentException.class, need + "float32 (2, 4), need float64 (2, 4)",
                () -> Nd.dot(A, B, Nd.zeros(DType.FLOAT32, 2, 4)));
        fails(IllegalArgumentException.class, need + "float64 (8,), need float64 (2, 4)", () -> Nd.dot(A, B, Nd.zeros(8)));
        fails(IllegalArgumentException.class, need + "float64 (2, 4) non-contiguous, need float64 (2, 4)",
                () -> Nd.dot(A, B, Nd.zeros(4, 2).transpose()));
        fails(ShapeException.class, "output array has wrong dimensions: (2, 5), need (2, 4)", () -> Nd.dot(A, B, Nd.zeros(2, 5)));
    }

    @Test
    void dotMisalignedWithOut() {
        fails(ShapeException.class, "shapes (2, 3) and (4, 4) not aligned: 3 (dim 1) != 4 (dim 0)",
                () -> Nd.dot(A, Nd.ones(4, 4), Nd.zeros(2, 4)));
    }
}
