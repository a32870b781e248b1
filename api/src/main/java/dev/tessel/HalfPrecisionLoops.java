package dev.tessel;

import dev.tessel.spi.StridedLoop;
import java.util.function.DoubleBinaryOperator;

/**
 * The float16 loops that computing in float32 cannot reproduce, run by the generic layer
 * directly on float16 storage (backends never see float16):
 * <ul>
 * <li>{@code nextafter} steps one float16 ULP (a float32 step would round back to the same
 * half, or overflow to infinity from 65504);</li>
 * <li>{@code maximum}, {@code minimum}, {@code fmax}, {@code fmin} and {@code clip} return the
 * first operand when the two compare equal, as NumPy's scalar float16 loops do, so that
 * {@code maximum(0.0, -0.0)} is {@code 0.0} in float16 while NumPy's float32 and float64 loops
 * (and Tessel's backends) return the second operand, {@code -0.0}.</li>
 * </ul>
 */
final class HalfPrecisionLoops {
    private static final DType H = DType.FLOAT16;

    private HalfPrecisionLoops() {
    }

    /** A loop over float16 operands for ufunc {@code name}, or null when computing in float32 matches NumPy. */
    static StridedLoop of(String name) {
        return switch (name) {
            case "nextafter" -> binary((x, y) -> nextafter((float) x, (float) y));
            case "maximum" -> binary(HalfPrecisionLoops::maximum);
            case "minimum" -> binary(HalfPrecisionLoops::minimum);
            case "fmax" -> binary((a, b) -> a >= b || Double.isNaN(b) ? a : b);
            case "fmin" -> binary((a, b) -> a <= b || Double.isNaN(b) ? a : b);
            case "clip" -> (segs, offs, st, n) -> {
                for (long i = 0; i < n; i++) {
                    double x = H.getDouble(segs[0], offs[0] + i * st[0]);
                    double lo = H.getDouble(segs[1], offs[1] + i * st[1]);
                    double hi = H.getDouble(segs[2], offs[2] + i * st[2]);
                    H.setDouble(segs[3], offs[3] + i * st[3], minimum(maximum(x, lo), hi));
                }
            };
            default -> null;
        };
    }

    private static double maximum(double a, double b) {
        return a >= b || Double.isNaN(a) ? a : b;
    }

    private static double minimum(double a, double b) {
        return a <= b || Double.isNaN(a) ? a : b;
    }

    private static StridedLoop binary(DoubleBinaryOperator f) {
        return (segs, offs, st, n) -> {
            for (long i = 0; i < n; i++) {
                double x = H.getDouble(segs[0], offs[0] + i * st[0]);
                double y = H.getDouble(segs[1], offs[1] + i * st[1]);
                H.setDouble(segs[2], offs[2] + i * st[2], f.applyAsDouble(x, y));
            }
        };
    }

    static float nextafter(float x, float y) {
        if (Float.isNaN(x) || Float.isNaN(y)) {
            return Float.NaN;
        }
        if (x == y) {
            return x; // NumPy's half nextafter keeps x on ties (C's nextafter returns y)
        }
        if (x == 0) {
            return Math.copySign(Float.float16ToFloat((short) 1), y); // smallest subnormal half
        }
        int bits = Float.floatToFloat16(x) & 0xffff;
        boolean away = (x < y) == (x > 0); // moving away from zero increases the magnitude bits
        return Float.float16ToFloat((short) (away ? bits + 1 : bits - 1));
    }
}
