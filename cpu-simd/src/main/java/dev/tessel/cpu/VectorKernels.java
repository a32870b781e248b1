package dev.tessel.cpu;

import dev.tessel.DType;
import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.MatmulKernel;
import dev.tessel.spi.ReduceLoop;
import dev.tessel.spi.RowFold;
import dev.tessel.spi.StridedLoop;
import java.util.Set;

/**
 * Finds the Vector API loop for a request. The first class on the path from
 * {@link SimdBackend} that reaches Vector API code: its signatures name SPI types only, so the
 * provider can load without the incubator module.
 */
final class VectorKernels {
    /**
     * Ufuncs whose UINT8 results are bit for bit those of INT8 (wrapping arithmetic, bitwise
     * ops, equality): UINT8 borrows the INT8 loops for them; ordering ops differ and fall back.
     */
    private static final Set<String> SIGN_AGNOSTIC = Set.of("add", "subtract", "multiply", "negative", "square",
            "bitwise_and", "bitwise_or", "bitwise_xor", "invert", "equal", "not_equal");

    private VectorKernels() {
    }

    static String describe() {
        return Lanes.describe();
    }

    static StridedLoop loop(String ufunc, DType[] types) {
        if (types.length == 0) {
            return null;
        }
        DType t = types[0];
        if (t == DType.UINT8) {
            return SIGN_AGNOSTIC.contains(ufunc) ? loop(ufunc, signed(types)) : null;
        }
        if (types.length == 2 && types[1] == t) {
            return unary(ufunc, t);
        }
        if (types.length == 2 && types[1] == DType.BOOL) {
            return t == DType.FLOAT32 ? Float32Loops.predicate(ufunc) : t == DType.FLOAT64 ? Float64Loops.predicate(ufunc) : null;
        }
        if (types.length == 3 && types[1] == t && types[2] == t) {
            return binary(ufunc, t);
        }
        if (types.length == 3 && types[1] == t && types[2] == DType.BOOL) {
            return compare(ufunc, t);
        }
        return null;
    }

    private static DType[] signed(DType[] types) {
        DType[] s = types.clone();
        for (int k = 0; k < s.length; k++) {
            s[k] = s[k] == DType.UINT8 ? DType.INT8 : s[k];
        }
        return s;
    }

    private static StridedLoop unary(String ufunc, DType t) {
        return switch (t) {
            case FLOAT32 -> Float32Loops.unary(ufunc);
            case FLOAT64 -> Float64Loops.unary(ufunc);
            case INT32 -> Int32Loops.unary(ufunc);
            case INT64 -> Int64Loops.unary(ufunc);
            case INT16 -> Int16Loops.unary(ufunc);
            case INT8 -> Int8Loops.unary(ufunc);
            default -> null;
        };
    }

    private static StridedLoop binary(String ufunc, DType t) {
        return switch (t) {
            case FLOAT32 -> Float32Loops.binary(ufunc);
            case FLOAT64 -> Float64Loops.binary(ufunc);
            case INT32 -> Int32Loops.binary(ufunc);
            case INT64 -> Int64Loops.binary(ufunc);
            case INT16 -> Int16Loops.binary(ufunc);
            case INT8 -> Int8Loops.binary(ufunc);
            default -> null;
        };
    }

    private static StridedLoop compare(String ufunc, DType t) {
        return switch (t) {
            case FLOAT32 -> Float32Loops.compare(ufunc);
            case FLOAT64 -> Float64Loops.compare(ufunc);
            case INT32 -> Int32Loops.compare(ufunc);
            case INT64 -> Int64Loops.compare(ufunc);
            case INT16 -> Int16Loops.compare(ufunc);
            case INT8 -> Int8Loops.compare(ufunc);
            default -> null;
        };
    }

    static ReduceLoop reduceLoop(String ufunc, DType t) {
        return switch (t) {
            case FLOAT32 -> Float32Folds.reduce(ufunc);
            case FLOAT64 -> Float64Folds.reduce(ufunc);
            case INT32 -> Int32Folds.reduce(ufunc);
            case INT64 -> Int64Folds.reduce(ufunc);
            case BOOL -> BoolFolds.reduce(ufunc);
            default -> null;
        };
    }

    static RowFold rowFold(String ufunc, DType t) {
        return switch (t) {
            case FLOAT32 -> Float32Folds.rows(ufunc);
            case FLOAT64 -> Float64Folds.rows(ufunc);
            default -> null;
        };
    }

    static ArgLoop argLoop(String which, DType t) {
        return switch (t) {
            case FLOAT32 -> Float32Folds.arg(which);
            case FLOAT64 -> Float64Folds.arg(which);
            case INT32 -> Int32Folds.arg(which);
            case INT64 -> Int64Folds.arg(which);
            default -> null;
        };
    }

    static MatmulKernel matmul(DType t) {
        return switch (t) {
            case FLOAT32 -> Float32Matmul.kernel();
            case FLOAT64 -> Float64Matmul.kernel();
            default -> null;
        };
    }
}
