package dev.tessel;

import java.util.Arrays;

/** Arithmetic on shapes and strides (in elements), with NumPy's error messages. */
public final class Shape {
    /** NumPy's limit on the number of dimensions. */
    public static final int MAX_DIMS = 64;

    private Shape() {
    }

    /** Checks dimensions are non-negative, at most {@link #MAX_DIMS}, and that the size fits a long. */
    public static long[] validate(long[] shape) {
        if (shape.length > MAX_DIMS) {
            throw new ShapeException("maximum supported dimension for an ndarray is " + MAX_DIMS + ", found " + shape.length);
        }
        for (long d : shape) {
            if (d < 0) {
                throw new ShapeException("negative dimensions are not allowed: " + format(shape));
            }
        }
        size(shape);
        return shape;
    }

    /** Number of elements; fails on overflow instead of wrapping. */
    public static long size(long[] shape) {
        long n = 1;
        try {
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
        } catch (ArithmeticException e) {
            throw new ShapeException("array is too big; the size of shape " + format(shape) + " overflows a 64-bit count");
        }
        return n;
    }

    /** Row-major (C order) strides in elements. */
    public static long[] cStrides(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= Math.max(shape[i], 1);
        }
        return s;
    }

    /** Column-major (Fortran order) strides in elements. */
    public static long[] fStrides(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int i = 0; i < shape.length; i++) {
            s[i] = acc;
            acc *= Math.max(shape[i], 1);
        }
        return s;
    }

    /** The broadcast shape of several shapes, or a {@link ShapeException} showing all of them. */
    public static long[] broadcast(long[]... shapes) {
        int nd = 0;
        for (long[] s : shapes) {
            nd = Math.max(nd, s.length);
        }
        long[] out = new long[nd];
        Arrays.fill(out, 1);
        for (long[] s : shapes) {
            for (int i = 0; i < s.length; i++) {
                int j = nd - s.length + i;
                long d = s[i];
                if (d == out[j] || d == 1) {
                    continue;
                }
                if (out[j] == 1) {
                    out[j] = d;
                } else {
                    throw new ShapeException(broadcastMessage(shapes));
                }
            }
        }
        return out;
    }

    private static String broadcastMessage(long[]... shapes) {
        StringBuilder sb = new StringBuilder("operands could not be broadcast together with shapes");
        for (long[] s : shapes) {
            sb.append(' ').append(format(s).replace(" ", ""));
        }
        return sb.toString();
    }

    /** Normalizes a possibly negative axis against {@code ndim}. */
    public static int axis(int axis, int ndim) {
        if (axis < -ndim || axis >= ndim) {
            throw new AxisException("axis " + axis + " is out of bounds for array of dimension " + ndim);
        }
        return axis < 0 ? axis + ndim : axis;
    }

    /** Normalizes several axes, refusing repeats. */
    public static int[] axes(int[] axes, int ndim) {
        int[] out = new int[axes.length];
        boolean[] seen = new boolean[ndim];
        for (int i = 0; i < axes.length; i++) {
            out[i] = axis(axes[i], ndim);
            if (seen[out[i]]) {
                throw new AxisException("repeated axis " + axes[i] + " in " + Arrays.toString(axes));
            }
            seen[out[i]] = true;
        }
        return out;
    }

    /** NumPy's tuple spelling: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    public static String format(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }
}
