package dev.tessel.bench.ufunc;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;

/** Benchmark operands: values in [0.5, 1.5], where exp, sin and sqrt are all ordinary (no NaN, no subnormals). */
final class Inputs {
    private Inputs() {}

    static DType dtype(String name) {
        return switch (name) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            default -> throw new IllegalArgumentException("dtype must be float32 or float64, got '" + name + "'");
        };
    }

    /** {@code size} evenly spaced values; {@code phase} shifts them so operands differ. */
    static NdArray ramp(DType dtype, long size, double phase, long... shape) {
        NdArray a = Nd.linspace(0.5 + phase, 1.5 - phase, size, true, dtype);
        return shape.length == 0 ? a : a.reshape(shape);
    }

    /** rows x cols = size, rows the largest divisor of size not above its square root (as numpy_peer.py). */
    static long[] grid(long size) {
        long rows = (long) Math.sqrt((double) size);
        while (rows * rows > size) {
            rows--;
        }
        while (size % rows != 0) {
            rows--;
        }
        return new long[] {rows, size / rows};
    }
}
