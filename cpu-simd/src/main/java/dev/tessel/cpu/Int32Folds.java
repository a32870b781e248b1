package dev.tessel.cpu;

import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.ReduceLoop;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * INT32 reductions (add, multiply, maximum, minimum, all wrapping as NumPy's) and
 * arg-reductions. Integer folds are exact whatever the order, so plain vector accumulators
 * and {@code reduceLanes} serve. This file is the template of its INT64 twin (see
 * {@code cpu-simd/gen/kernels.py}).
 */
final class Int32Folds {
    private static final VectorSpecies<Integer> S = Lanes.I32;
    private static final int L = S.length();
    private static final long W = Integer.BYTES;
    private static final ValueLayout.OfInt E = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();

    private Int32Folds() {
    }

    static ReduceLoop reduce(String ufunc) {
        return switch (ufunc) {
            case "add" -> (in, off, st, n, out, o) -> out.setAtIndex(E, o, out.getAtIndex(E, o) + fold(in, off, st, n, VectorOperators.ADD));
            case "multiply" -> (in, off, st, n, out, o) -> out.setAtIndex(E, o, out.getAtIndex(E, o) * fold(in, off, st, n, VectorOperators.MUL));
            case "maximum" -> (in, off, st, n, out, o) -> {
                if (n > 0) {
                    out.setAtIndex(E, o, Math.max(out.getAtIndex(E, o), fold(in, off, st, n, VectorOperators.MAX)));
                }
            };
            case "minimum" -> (in, off, st, n, out, o) -> {
                if (n > 0) {
                    out.setAtIndex(E, o, Math.min(out.getAtIndex(E, o), fold(in, off, st, n, VectorOperators.MIN)));
                }
            };
            default -> null;
        };
    }

    static ArgLoop arg(String which) {
        return switch (which) {
            case "argmax" -> (in, off, st, n) -> firstOf(in, off, st, n, fold(in, off, st, n, VectorOperators.MAX));
            case "argmin" -> (in, off, st, n) -> firstOf(in, off, st, n, fold(in, off, st, n, VectorOperators.MIN));
            default -> null;
        };
    }

    /** Folds a run with op, starting from op's identity (for MAX/MIN: the first element). */
    private static int fold(MemorySegment in, long off, long stride, long n, VectorOperators.Associative op) {
        if (n == 0) {
            return op == VectorOperators.MUL ? 1 : 0;
        }
        long i = 0;
        int r = op == VectorOperators.MUL ? 1 : op == VectorOperators.ADD ? 0 : in.getAtIndex(E, off);
        if (stride == 1 && n >= 4L * L) {
            i = n / (4L * L) * (4L * L);
            r = scalar(op, r, body(in, off * W, i, op));
        }
        for (; i < n; i++) {
            r = scalar(op, r, in.getAtIndex(E, off + i * stride));
        }
        return r;
    }

    private static int scalar(VectorOperators.Associative op, int a, int b) {
        if (op == VectorOperators.ADD) {
            return a + b;
        } else if (op == VectorOperators.MUL) {
            return a * b;
        } else if (op == VectorOperators.MAX) {
            return Math.max(a, b);
        }
        return Math.min(a, b);
    }

    /** Dispatches once per run so that each body sees a constant operator, which C2 needs to intrinsify. */
    private static int body(MemorySegment in, long b, long n, VectorOperators.Associative op) {
        if (op == VectorOperators.ADD) {
            return addBody(in, b, n);
        } else if (op == VectorOperators.MUL) {
            return mulBody(in, b, n);
        } else if (op == VectorOperators.MAX) {
            return maxBody(in, b, n);
        }
        return minBody(in, b, n);
    }

    // Unrolled 4x: four accumulators; n is a multiple of 4 * L.
    private static int addBody(MemorySegment in, long b, long n) {
        IntVector a0 = IntVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        for (long i = 0; i < n; i += 4L * L) {
            a0 = a0.add(IntVector.fromMemorySegment(S, in, b + i * W, NO));
            a1 = a1.add(IntVector.fromMemorySegment(S, in, b + (i + L) * W, NO));
            a2 = a2.add(IntVector.fromMemorySegment(S, in, b + (i + 2L * L) * W, NO));
            a3 = a3.add(IntVector.fromMemorySegment(S, in, b + (i + 3L * L) * W, NO));
        }
        return a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
    }

    // Unrolled 4x, as addBody.
    private static int mulBody(MemorySegment in, long b, long n) {
        IntVector a0 = IntVector.broadcast(S, 1), a1 = a0, a2 = a0, a3 = a0;
        for (long i = 0; i < n; i += 4L * L) {
            a0 = a0.mul(IntVector.fromMemorySegment(S, in, b + i * W, NO));
            a1 = a1.mul(IntVector.fromMemorySegment(S, in, b + (i + L) * W, NO));
            a2 = a2.mul(IntVector.fromMemorySegment(S, in, b + (i + 2L * L) * W, NO));
            a3 = a3.mul(IntVector.fromMemorySegment(S, in, b + (i + 3L * L) * W, NO));
        }
        return a0.mul(a1).mul(a2.mul(a3)).reduceLanes(VectorOperators.MUL);
    }

    // Unrolled 4x; integer max is a single instruction, so lanewise MAX is fast here.
    private static int maxBody(MemorySegment in, long b, long n) {
        IntVector a0 = IntVector.fromMemorySegment(S, in, b, NO), a1 = a0, a2 = a0, a3 = a0;
        for (long i = 0; i < n; i += 4L * L) {
            a0 = a0.max(IntVector.fromMemorySegment(S, in, b + i * W, NO));
            a1 = a1.max(IntVector.fromMemorySegment(S, in, b + (i + L) * W, NO));
            a2 = a2.max(IntVector.fromMemorySegment(S, in, b + (i + 2L * L) * W, NO));
            a3 = a3.max(IntVector.fromMemorySegment(S, in, b + (i + 3L * L) * W, NO));
        }
        return a0.max(a1).max(a2.max(a3)).reduceLanes(VectorOperators.MAX);
    }

    // Unrolled 4x, the mirror of maxBody.
    private static int minBody(MemorySegment in, long b, long n) {
        IntVector a0 = IntVector.fromMemorySegment(S, in, b, NO), a1 = a0, a2 = a0, a3 = a0;
        for (long i = 0; i < n; i += 4L * L) {
            a0 = a0.min(IntVector.fromMemorySegment(S, in, b + i * W, NO));
            a1 = a1.min(IntVector.fromMemorySegment(S, in, b + (i + L) * W, NO));
            a2 = a2.min(IntVector.fromMemorySegment(S, in, b + (i + 2L * L) * W, NO));
            a3 = a3.min(IntVector.fromMemorySegment(S, in, b + (i + 3L * L) * W, NO));
        }
        return a0.min(a1).min(a2.min(a3)).reduceLanes(VectorOperators.MIN);
    }

    /** Index of the first element equal to {@code v}. */
    private static long firstOf(MemorySegment in, long off, long stride, long n, int v) {
        long i = 0;
        if (stride == 1 && n >= L) {
            IntVector target = IntVector.broadcast(S, v);
            long b = off * W;
            for (long end = n - L; i <= end; i += L) {
                VectorMask<Integer> hit = IntVector.fromMemorySegment(S, in, b + i * W, NO).eq(target);
                if (hit.anyTrue()) {
                    return i + hit.firstTrue();
                }
            }
        }
        for (; i < n; i++) {
            if (in.getAtIndex(E, off + i * stride) == v) {
                return i;
            }
        }
        throw new IllegalStateException("extreme value " + v + " not found in its own run");
    }
}
