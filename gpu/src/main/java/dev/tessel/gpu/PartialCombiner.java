package dev.tessel.gpu;

import dev.tessel.DType;
import java.lang.foreign.MemorySegment;

/**
 * Combines reduction partials on the host. Float partials are summed pairwise in double, then
 * rounded once to the dtype, so the combine adds no error of its own worth measuring; integer
 * partials are combined in 64-bit arithmetic and wrap to the dtype's width when written, as
 * NumPy's integer sums wrap.
 */
final class PartialCombiner {
    private final String op;
    private final DType type;
    private final double[] f;
    private final long[] i;
    private int count;

    PartialCombiner(String op, DType type, long n) {
        this.op = op;
        this.type = type;
        int max = (int) Math.min(Integer.MAX_VALUE - 8, (n + Float32Kernels.CHUNK - 1) / Float32Kernels.CHUNK);
        this.f = type.isFloating() ? new double[max] : null;
        this.i = type.isFloating() ? null : new long[max];
    }

    void add(MemorySegment seg, int chunks) {
        for (int c = 0; c < chunks; c++) {
            if (f != null) {
                f[count++] = type.getDouble(seg, c);
            } else {
                i[count++] = type.getLong(seg, c);
            }
        }
    }

    /** {@code out[outOff] = op(out[outOff], combined partials)}. */
    void foldInto(MemorySegment out, long outOff) {
        if (f != null) {
            double v = combine(type.getDouble(out, outOff), combineFloat(0, count));
            type.setDouble(out, outOff, v);
        } else {
            long v = combine(type.getLong(out, outOff), combineInt());
            type.setLong(out, outOff, v);
        }
    }

    private double combineFloat(int from, int to) {
        if (to - from == 1) {
            return f[from];
        }
        if (!op.equals("add")) {
            double acc = f[from];
            for (int k = from + 1; k < to; k++) {
                acc = combine(acc, f[k]);
            }
            return acc;
        }
        int mid = (from + to) >>> 1;
        return combineFloat(from, mid) + combineFloat(mid, to);
    }

    private long combineInt() {
        long acc = i[0];
        for (int k = 1; k < count; k++) {
            acc = combine(acc, i[k]);
        }
        return acc;
    }

    private double combine(double a, double b) {
        return switch (op) {
            case "add" -> a + b;
            case "multiply" -> a * b;
            case "maximum" -> (a != a || a >= b) ? (b != b ? b : a) : b;
            case "minimum" -> (a != a || a <= b) ? (b != b ? b : a) : b;
            default -> throw new IllegalStateException("no combine for " + op);
        };
    }

    private long combine(long a, long b) {
        return switch (op) {
            case "add" -> a + b;
            case "multiply" -> a * b;
            case "maximum" -> Math.max(a, b);
            case "minimum" -> Math.min(a, b);
            default -> throw new IllegalStateException("no combine for " + op);
        };
    }
}
