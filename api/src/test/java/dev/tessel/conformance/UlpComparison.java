package dev.tessel.conformance;

import dev.tessel.DType;
import dev.tessel.NdArray;
import java.util.Arrays;

/**
 * Compares an actual array with NumPy's: dtype, shape, then values. Integers and booleans
 * must be equal; floats must be within {@code ulps} units in the last place of their own
 * dtype (float16 ULPs for float16 results), or within {@code abs} absolutely; NaN equals NaN,
 * infinities must match exactly, and a zero must carry NumPy's sign.
 */
final class UlpComparison {
    private UlpComparison() {
    }

    /** Null when they agree, else a description of the first difference. */
    static String compare(NdArray expected, NdArray actual, long ulps, double abs) {
        if (expected.dtype() != actual.dtype()) {
            return "dtype " + actual.dtype() + ", NumPy gives " + expected.dtype();
        }
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            return "shape " + Arrays.toString(actual.shape()) + ", NumPy gives " + Arrays.toString(expected.shape());
        }
        DType t = expected.dtype();
        if (!t.isFloating()) {
            long[] e = expected.toLongArray();
            long[] a = actual.toLongArray();
            for (int i = 0; i < e.length; i++) {
                if (e[i] != a[i]) {
                    return "element " + i + ": " + a[i] + ", NumPy gives " + e[i];
                }
            }
            return null;
        }
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        long worst = 0;
        for (int i = 0; i < e.length; i++) {
            String why = compareOne(t, e[i], a[i], ulps, abs);
            if (why != null) {
                return "element " + i + ": " + why;
            }
            worst = Math.max(worst, distance(t, e[i], a[i]));
        }
        return null;
    }

    private static String compareOne(DType t, double e, double a, long ulps, double abs) {
        if (Double.isNaN(e) || Double.isNaN(a)) {
            return Double.isNaN(e) && Double.isNaN(a) ? null : a + ", NumPy gives " + e;
        }
        if (Double.isInfinite(e) || Double.isInfinite(a)) {
            return e == a ? null : a + ", NumPy gives " + e;
        }
        if (e == 0 && a == 0) {
            return Double.doubleToRawLongBits(e) == Double.doubleToRawLongBits(a) ? null
                    : "zero of sign " + (1 / a) + ", NumPy gives " + (1 / e);
        }
        long d = distance(t, e, a);
        if (d <= ulps || Math.abs(e - a) <= abs) {
            return null;
        }
        return a + ", NumPy gives " + e + " (" + d + " ulp, bound " + ulps + ")";
    }

    /** Distance in units in the last place of dtype t (values are exact in t). */
    static long distance(DType t, double e, double a) {
        return switch (t) {
            case FLOAT64 -> Math.abs(ordered(Double.doubleToRawLongBits(e)) - ordered(Double.doubleToRawLongBits(a)));
            case FLOAT32 -> Math.abs(ordered32(Float.floatToRawIntBits((float) e)) - ordered32(Float.floatToRawIntBits((float) a)));
            default -> Math.abs(ordered16(Float.floatToFloat16((float) e)) - ordered16(Float.floatToFloat16((float) a)));
        };
    }

    private static long ordered(long bits) {
        return bits >= 0 ? bits : Long.MIN_VALUE - bits;
    }

    private static long ordered32(int bits) {
        return bits >= 0 ? bits : (long) Integer.MIN_VALUE - bits;
    }

    private static long ordered16(short bits) {
        int b = bits & 0xffff;
        return (b & 0x8000) == 0 ? b : -(b & 0x7fff);
    }
}
