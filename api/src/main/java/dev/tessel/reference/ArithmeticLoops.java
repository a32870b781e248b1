package dev.tessel.reference;

import static dev.tessel.reference.ScalarKernels.binaryF;
import static dev.tessel.reference.ScalarKernels.binaryL;
import static dev.tessel.reference.ScalarKernels.unaryF;
import static dev.tessel.reference.ScalarKernels.unaryL;

import dev.tessel.DType;
import dev.tessel.spi.StridedLoop;

/**
 * add, subtract, multiply, divide, floor_divide, remainder, fmod, divmod, power, float_power,
 * negative, positive, absolute, sign, reciprocal, square.
 *
 * <p>Integer division, remainder and fmod by zero give 0, as NumPy 2.4 does (with a warning
 * there; Tessel does not warn). Integer results wrap.
 */
final class ArithmeticLoops {
    private ArithmeticLoops() {
    }

    static void register(LoopTable t) {
        DType b = DType.BOOL;
        t.put("add", binaryL(b, b, (x, y) -> x | y), b, b, b);
        t.put("multiply", binaryL(b, b, (x, y) -> x & y), b, b, b);
        t.put("absolute", unaryL(b, b, (long x) -> x), b, b);
        for (DType d : LoopTypes.INTS) {
            registerInts(t, d);
        }
        for (DType d : LoopTypes.FLOATS) {
            registerFloats(t, d);
        }
        t.put("float_power", binaryF(DType.FLOAT64, DType.FLOAT64, ArithmeticLoops::pow),
                DType.FLOAT64, DType.FLOAT64, DType.FLOAT64);
    }

    private static void registerInts(LoopTable t, DType d) {
        t.put("add", binaryL(d, d, (x, y) -> x + y), d, d, d);
        t.put("subtract", binaryL(d, d, (x, y) -> x - y), d, d, d);
        t.put("multiply", binaryL(d, d, (x, y) -> x * y), d, d, d);
        t.put("floor_divide", binaryL(d, d, (x, y) -> y == 0 ? 0 : Math.floorDiv(x, y)), d, d, d);
        t.put("remainder", binaryL(d, d, (x, y) -> y == 0 ? 0 : Math.floorMod(x, y)), d, d, d);
        t.put("fmod", binaryL(d, d, (x, y) -> y == 0 ? 0 : x % y), d, d, d);
        t.put("divmod", intDivmod(d), d, d, d, d);
        t.put("power", binaryL(d, d, ArithmeticLoops::intPower), d, d, d);
        t.put("negative", unaryL(d, d, (long x) -> -x), d, d);
        t.put("positive", unaryL(d, d, (long x) -> x), d, d);
        t.put("absolute", unaryL(d, d, (long x) -> Math.abs(x)), d, d);
        t.put("sign", unaryL(d, d, (long x) -> Long.signum(x)), d, d);
        t.put("square", unaryL(d, d, (long x) -> x * x), d, d);
        long divByZero = intReciprocalOfZero(d);
        t.put("reciprocal", unaryL(d, d, (long x) -> x == 0 ? divByZero : 1 / x), d, d);
    }

    /**
     * NumPy computes an integer reciprocal as {@code (T) (1.0 / x)}; for x = 0 that is the
     * x86 conversion of infinity, the minimum of the 32- or 64-bit register, truncated to T.
     */
    private static long intReciprocalOfZero(DType d) {
        return d == DType.INT64 ? Long.MIN_VALUE : Integer.MIN_VALUE;
    }

    private static void registerFloats(LoopTable t, DType d) {
        t.put("add", binaryF(d, d, (x, y) -> x + y), d, d, d);
        t.put("subtract", binaryF(d, d, (x, y) -> x - y), d, d, d);
        t.put("multiply", binaryF(d, d, (x, y) -> x * y), d, d, d);
        t.put("divide", binaryF(d, d, (x, y) -> x / y), d, d, d);
        t.put("true_divide", binaryF(d, d, (x, y) -> x / y), d, d, d);
        t.put("floor_divide", binaryF(d, d, ArithmeticLoops::floorDivide), d, d, d);
        t.put("remainder", binaryF(d, d, ArithmeticLoops::remainder), d, d, d);
        t.put("fmod", binaryF(d, d, (x, y) -> x % y), d, d, d);
        t.put("divmod", floatDivmod(d), d, d, d, d);
        t.put("power", binaryF(d, d, ArithmeticLoops::pow), d, d, d);
        t.put("negative", unaryF(d, d, (double x) -> -x), d, d);
        t.put("positive", unaryF(d, d, (double x) -> x), d, d);
        t.put("absolute", unaryF(d, d, (double x) -> Math.abs(x)), d, d);
        t.put("sign", unaryF(d, d, ArithmeticLoops::sign), d, d);
        t.put("square", unaryF(d, d, (double x) -> x * x), d, d);
        t.put("reciprocal", unaryF(d, d, (double x) -> 1 / x), d, d);
    }

    static double sign(double x) {
        return x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0.0 : x;
    }

    /** C's pow: unlike {@link Math#pow}, 1^y and (-1)^±inf are 1 even for NaN or infinite y. */
    static double pow(double x, double y) {
        if (x == 1 || (x == -1 && Double.isInfinite(y))) {
            return 1;
        }
        return Math.pow(x, y);
    }

    static long intPower(long base, long exp) {
        if (exp < 0) {
            throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
        }
        long result = 1;
        long b = base;
        for (long e = exp; e != 0; e >>>= 1) {
            if ((e & 1) != 0) {
                result *= b;
            }
            b *= b;
        }
        return result;
    }

    /** NumPy's floor division of floats (npy_floor_divide): exact quotient of a - fmod(a, b). */
    static double floorDivide(double a, double b) {
        if (b == 0) {
            return a / b;
        }
        return divmod(a, b)[0];
    }

    /** NumPy's remainder of floats: the result has the sign of the divisor. */
    static double remainder(double a, double b) {
        if (b == 0) {
            return a % b;
        }
        return divmod(a, b)[1];
    }

    /** NumPy's npy_divmod: {floor quotient, remainder with the sign of b}. */
    static double[] divmod(double a, double b) {
        double mod = a % b;
        if (b == 0) {
            return new double[] {a / b, mod};
        }
        double div = (a - mod) / b;
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
                div -= 1.0;
            }
        } else {
            mod = Math.copySign(0.0, b);
        }
        double floordiv;
        if (div != 0) {
            floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = Math.copySign(0.0, a / b);
        }
        return new double[] {floordiv, mod};
    }

    private static StridedLoop floatDivmod(DType d) {
        return (segs, offs, st, n) -> {
            long[] o = offs.clone();
            for (long i = 0; i < n; i++) {
                double[] qr = divmod(d.getDouble(segs[0], o[0]), d.getDouble(segs[1], o[1]));
                d.setDouble(segs[2], o[2], qr[0]);
                d.setDouble(segs[3], o[3], qr[1]);
                advance(o, st);
            }
        };
    }

    private static StridedLoop intDivmod(DType d) {
        return (segs, offs, st, n) -> {
            long[] o = offs.clone();
            for (long i = 0; i < n; i++) {
                long x = d.getLong(segs[0], o[0]);
                long y = d.getLong(segs[1], o[1]);
                d.setLong(segs[2], o[2], y == 0 ? 0 : Math.floorDiv(x, y));
                d.setLong(segs[3], o[3], y == 0 ? 0 : Math.floorMod(x, y));
                advance(o, st);
            }
        };
    }

    static void advance(long[] offs, long[] strides) {
        for (int k = 0; k < offs.length; k++) {
            offs[k] += strides[k];
        }
    }
}
