package dev.tessel.reference;

import static dev.tessel.reference.ScalarKernels.binaryF;
import static dev.tessel.reference.ScalarKernels.predicateF;
import static dev.tessel.reference.ScalarKernels.predicateL;
import static dev.tessel.reference.ScalarKernels.unaryF;
import static dev.tessel.reference.ScalarKernels.unaryL;

import dev.tessel.DType;
import java.util.function.DoubleUnaryOperator;

/**
 * Unary math (roots, exponentials, logarithms, trigonometric and hyperbolic functions and
 * their inverses, rounding), arctan2, hypot, logaddexp(2), copysign, nextafter, signbit and
 * the isnan/isinf/isfinite tests. Float32 loops compute in double and round once, so they
 * are at least as accurate as NumPy's float32 loops.
 */
final class MathLoops {
    private MathLoops() {
    }

    static void register(LoopTable t) {
        for (DType d : LoopTypes.FLOATS) {
            registerUnary(t, d);
            t.put("arctan2", binaryF(d, d, Math::atan2), d, d, d);
            t.put("hypot", binaryF(d, d, Math::hypot), d, d, d);
            t.put("logaddexp", binaryF(d, d, Transcendentals::logaddexp), d, d, d);
            t.put("logaddexp2", binaryF(d, d, Transcendentals::logaddexp2), d, d, d);
            t.put("copysign", binaryF(d, d, Math::copySign), d, d, d);
            t.put("nextafter", binaryF(d, d, d == DType.FLOAT32
                    ? (x, y) -> Math.nextAfter((float) x, y) : Math::nextAfter), d, d, d);
            t.put("signbit", predicateF(d, x -> Double.doubleToRawLongBits(x) < 0), d, DType.BOOL);
            t.put("isnan", predicateF(d, Double::isNaN), d, DType.BOOL);
            t.put("isinf", predicateF(d, Double::isInfinite), d, DType.BOOL);
            t.put("isfinite", predicateF(d, Double::isFinite), d, DType.BOOL);
            t.put("floor", unaryF(d, d, Math::floor), d, d);
            t.put("ceil", unaryF(d, d, Math::ceil), d, d);
            t.put("trunc", unaryF(d, d, x -> x < 0 ? Math.ceil(x) : Math.floor(x)), d, d);
        }
        // Integers and booleans are always finite; rounding leaves them unchanged.
        for (DType d : LoopTypes.ALL) {
            if (d.isFloating()) {
                continue;
            }
            t.put("isnan", predicateL(d, (long x) -> false), d, DType.BOOL);
            t.put("isinf", predicateL(d, (long x) -> false), d, DType.BOOL);
            t.put("isfinite", predicateL(d, (long x) -> true), d, DType.BOOL);
            for (String name : new String[] {"floor", "ceil", "trunc"}) {
                t.put(name, unaryL(d, d, (long x) -> x), d, d);
            }
        }
    }

    private static void registerUnary(LoopTable t, DType d) {
        put(t, d, "sqrt", Math::sqrt);
        put(t, d, "cbrt", Math::cbrt);
        put(t, d, "exp", Math::exp);
        put(t, d, "exp2", x -> Math.pow(2, x));
        put(t, d, "expm1", Math::expm1);
        put(t, d, "log", Math::log);
        put(t, d, "log2", Transcendentals::log2);
        put(t, d, "log10", Math::log10);
        put(t, d, "log1p", Math::log1p);
        put(t, d, "sin", Math::sin);
        put(t, d, "cos", Math::cos);
        put(t, d, "tan", Math::tan);
        put(t, d, "arcsin", Math::asin);
        put(t, d, "arccos", Math::acos);
        put(t, d, "arctan", Math::atan);
        put(t, d, "sinh", Math::sinh);
        put(t, d, "cosh", Math::cosh);
        put(t, d, "tanh", Math::tanh);
        put(t, d, "arcsinh", Transcendentals::asinh);
        put(t, d, "arccosh", Transcendentals::acosh);
        put(t, d, "arctanh", Transcendentals::atanh);
        put(t, d, "deg2rad", x -> x * (Math.PI / 180.0));
        put(t, d, "rad2deg", x -> x * (180.0 / Math.PI));
        put(t, d, "rint", Math::rint);
    }

    private static void put(LoopTable t, DType d, String name, DoubleUnaryOperator f) {
        t.put(name, unaryF(d, d, f), d, d);
    }
}
