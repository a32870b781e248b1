package dev.tessel.cpu;

import dev.tessel.DType;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;

/**
 * Plain-Java loops with NumPy's semantics, element by element through {@link DType}'s
 * accessors: the oracle for the exact elementwise loops until the reference backend provides
 * them (then {@link #loop} prefers it). Floats are computed in double and rounded once, which
 * is exact for +, -, *, / and sqrt of float32 inputs; integers in long and wrapped on store.
 */
final class ScalarOracle {
    private ScalarOracle() {
    }

    static StridedLoop loop(String ufunc, DType[] types) {
        StridedLoop ref = dev.tessel.reference.ReferenceBackend.INSTANCE.loop(ufunc, types);
        if (ref != null) {
            return ref;
        }
        DType t = types[0];
        if (types.length == 2 && types[1] == DType.BOOL) {
            return (g, o, s, n) -> {
                for (long i = 0; i < n; i++) {
                    double x = t.getDouble(g[0], o[0] + i * s[0]);
                    boolean r = switch (ufunc) {
                        case "isnan" -> Double.isNaN(x);
                        case "isinf" -> Double.isInfinite(x);
                        case "isfinite" -> Double.isFinite(x);
                        default -> throw new IllegalArgumentException(ufunc);
                    };
                    DType.BOOL.setLong(g[1], o[1] + i * s[1], r ? 1 : 0);
                }
            };
        }
        if (types.length == 2) {
            return (g, o, s, n) -> {
                for (long i = 0; i < n; i++) {
                    long ia = o[0] + i * s[0];
                    long ic = o[1] + i * s[1];
                    if (t.isFloating()) {
                        t.setDouble(g[1], ic, unary(ufunc, t.getDouble(g[0], ia)));
                    } else {
                        t.setLong(g[1], ic, unary(ufunc, t.getLong(g[0], ia)));
                    }
                }
            };
        }
        DType out = types[2];
        return (g, o, s, n) -> {
            for (long i = 0; i < n; i++) {
                long ia = o[0] + i * s[0];
                long ib = o[1] + i * s[1];
                long ic = o[2] + i * s[2];
                if (out == DType.BOOL) {
                    boolean r = t.isFloating() ? compare(ufunc, t.getDouble(g[0], ia), t.getDouble(g[1], ib))
                            : compare(ufunc, t.getLong(g[0], ia), t.getLong(g[1], ib));
                    out.setLong(g[2], ic, r ? 1 : 0);
                } else if (t.isFloating()) {
                    t.setDouble(g[2], ic, binary(ufunc, t.getDouble(g[0], ia), t.getDouble(g[1], ib)));
                } else {
                    t.setLong(g[2], ic, binary(ufunc, t.getLong(g[0], ia), t.getLong(g[1], ib)));
                }
            }
        };
    }

    static double binary(String u, double x, double y) {
        return switch (u) {
            case "add" -> x + y;
            case "subtract" -> x - y;
            case "multiply" -> x * y;
            case "divide" -> x / y;
            case "maximum" -> Double.isNaN(x) || x > y ? x : y; // ties give the second operand, as NumPy's
            case "minimum" -> Double.isNaN(x) || x < y ? x : y;
            case "fmax" -> Double.isNaN(y) || x > y ? x : y;  // ties give the second operand too
            case "fmin" -> Double.isNaN(y) || x < y ? x : y;
            default -> throw new IllegalArgumentException(u);
        };
    }

    static long binary(String u, long x, long y) {
        return switch (u) {
            case "add" -> x + y;
            case "subtract" -> x - y;
            case "multiply" -> x * y;
            case "maximum", "fmax" -> Math.max(x, y);
            case "minimum", "fmin" -> Math.min(x, y);
            case "bitwise_and" -> x & y;
            case "bitwise_or" -> x | y;
            case "bitwise_xor" -> x ^ y;
            default -> throw new IllegalArgumentException(u);
        };
    }

    static boolean compare(String u, double x, double y) {
        return switch (u) {
            case "equal" -> x == y;
            case "not_equal" -> x != y;
            case "less" -> x < y;
            case "less_equal" -> x <= y;
            case "greater" -> x > y;
            case "greater_equal" -> x >= y;
            default -> throw new IllegalArgumentException(u);
        };
    }

    static boolean compare(String u, long x, long y) {
        return switch (u) {
            case "equal" -> x == y;
            case "not_equal" -> x != y;
            case "less" -> x < y;
            case "less_equal" -> x <= y;
            case "greater" -> x > y;
            case "greater_equal" -> x >= y;
            default -> throw new IllegalArgumentException(u);
        };
    }

    static double unary(String u, double x) {
        return switch (u) {
            case "negative" -> -x;
            case "absolute" -> Math.abs(x);
            case "sqrt" -> Math.sqrt(x);
            case "square" -> x * x;
            case "reciprocal" -> 1 / x;
            default -> throw new IllegalArgumentException(u);
        };
    }

    static long unary(String u, long x) {
        return switch (u) {
            case "negative" -> -x;
            case "absolute" -> Math.abs(x);
            case "square" -> x * x;
            case "invert" -> ~x;
            default -> throw new IllegalArgumentException(u);
        };
    }

    /** The oracle's loop run over a whole segment copy, for comparisons that include the gaps. */
    static MemorySegment copy(MemorySegment s) {
        return java.lang.foreign.Arena.ofAuto().allocate(s.byteSize(), 64).copyFrom(s);
    }
}
