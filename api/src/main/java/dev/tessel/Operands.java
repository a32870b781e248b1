package dev.tessel;

import java.util.Set;

/**
 * Turns a call's operands into arrays. Java scalars ({@link Number}, {@link Boolean}) are
 * "weak" as NEP 50 makes Python scalars: they take the dtype of the arrays they meet unless
 * their kind is higher ({@code int8 array + 2} is int8, {@code int8 array + 2.5} is float64).
 *
 * <p>An integer scalar that does not fit the array's integer dtype is refused, as NumPy 2
 * refuses {@code uint8 array + (-1)}; comparisons instead compare exactly in int64, as NumPy
 * 2 compares out-of-range Python integers correctly.
 */
final class Operands {
    private static final Set<String> COMPARISONS = Set.of("equal", "not_equal", "less", "less_equal", "greater",
            "greater_equal");

    private Operands() {
    }

    static NdArray[] toArrays(Ufunc u, Object[] operands) {
        DType strong = null;
        DType.ScalarKind highest = null;
        for (Object o : operands) {
            if (o instanceof NdArray a) {
                strong = strong == null ? a.dtype : DType.promote(strong, a.dtype);
            } else {
                DType.ScalarKind k = kind(o);
                highest = highest == null || k.ordinal() > highest.ordinal() ? k : highest;
            }
        }
        NdArray[] out = new NdArray[operands.length];
        for (int i = 0; i < operands.length; i++) {
            Object o = operands[i];
            if (o instanceof NdArray a) {
                out[i] = a;
                continue;
            }
            DType t = strong != null ? DType.promoteWeak(strong, kind(o)) : defaultType(highest);
            out[i] = scalarArray(u, o, t);
        }
        return out;
    }

    private static DType.ScalarKind kind(Object o) {
        if (o instanceof Boolean) {
            return DType.ScalarKind.BOOL;
        }
        if (o instanceof Double || o instanceof Float) {
            return DType.ScalarKind.FLOAT;
        }
        if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return DType.ScalarKind.INT;
        }
        throw new IllegalArgumentException("operand of type " + (o == null ? "null" : o.getClass().getName())
                + " is neither an NdArray nor a Java number or boolean");
    }

    private static DType defaultType(DType.ScalarKind k) {
        return switch (k) {
            case BOOL -> DType.BOOL;
            case INT -> DType.INT64;
            case FLOAT -> DType.FLOAT64;
        };
    }

    private static NdArray scalarArray(Ufunc u, Object o, DType t) {
        if (o instanceof Boolean b) {
            NdArray a = NdArray.allocate(t);
            t.setLong(a.segment(), 0, b ? 1 : 0);
            return a;
        }
        Number n = (Number) o;
        if (o instanceof Double || o instanceof Float) {
            NdArray a = NdArray.allocate(t);
            t.setDouble(a.segment(), 0, n.doubleValue());
            return a;
        }
        long v = n.longValue();
        if (t.isInteger() && !fits(v, t)) {
            if (!COMPARISONS.contains(u.name())) {
                throw new IllegalArgumentException("Java integer " + v + " out of bounds for " + t);
            }
            t = DType.INT64;
        }
        NdArray a = NdArray.allocate(t);
        t.setLong(a.segment(), 0, v);
        return a;
    }

    private static boolean fits(long v, DType t) {
        return switch (t) {
            case INT8 -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
            case UINT8 -> v >= 0 && v <= 255;
            case INT16 -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            case INT32 -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            default -> true;
        };
    }
}
