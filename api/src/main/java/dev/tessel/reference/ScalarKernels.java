package dev.tessel.reference;

import dev.tessel.DType;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;

/**
 * Builds 1-D strided loops from scalar functions. Floating loops compute in {@code double}
 * and store through the output dtype (a float32 result is the correctly rounded double
 * result); integer loops compute in {@code long} and store the low bits, which is exactly
 * NumPy's wraparound for every integer dtype.
 */
final class ScalarKernels {
    private ScalarKernels() {
    }

    /** Two doubles in, one boolean out. */
    @FunctionalInterface
    interface DoubleBiPredicate {
        boolean test(double a, double b);
    }

    /** Two longs in, one boolean out. */
    @FunctionalInterface
    interface LongBiPredicate {
        boolean test(long a, long b);
    }

    static StridedLoop unaryF(DType in, DType out, DoubleUnaryOperator f) {
        return (segs, offs, st, n) -> {
            MemorySegment a = segs[0], c = segs[1];
            long ia = offs[0], ic = offs[1];
            for (long i = 0; i < n; i++, ia += st[0], ic += st[1]) {
                out.setDouble(c, ic, f.applyAsDouble(in.getDouble(a, ia)));
            }
        };
    }

    static StridedLoop unaryL(DType in, DType out, LongUnaryOperator f) {
        return (segs, offs, st, n) -> {
            MemorySegment a = segs[0], c = segs[1];
            long ia = offs[0], ic = offs[1];
            for (long i = 0; i < n; i++, ia += st[0], ic += st[1]) {
                out.setLong(c, ic, f.applyAsLong(in.getLong(a, ia)));
            }
        };
    }

    static StridedLoop binaryF(DType in, DType out, DoubleBinaryOperator f) {
        return (segs, offs, st, n) -> {
            MemorySegment a = segs[0], b = segs[1], c = segs[2];
            long ia = offs[0], ib = offs[1], ic = offs[2];
            for (long i = 0; i < n; i++, ia += st[0], ib += st[1], ic += st[2]) {
                out.setDouble(c, ic, f.applyAsDouble(in.getDouble(a, ia), in.getDouble(b, ib)));
            }
        };
    }

    static StridedLoop binaryL(DType in, DType out, LongBinaryOperator f) {
        return (segs, offs, st, n) -> {
            MemorySegment a = segs[0], b = segs[1], c = segs[2];
            long ia = offs[0], ib = offs[1], ic = offs[2];
            for (long i = 0; i < n; i++, ia += st[0], ib += st[1], ic += st[2]) {
                out.setLong(c, ic, f.applyAsLong(in.getLong(a, ia), in.getLong(b, ib)));
            }
        };
    }

    static StridedLoop predicateF(DType in, DoublePredicate f) {
        return (segs, offs, st, n) -> {
            long ia = offs[0], ic = offs[1];
            for (long i = 0; i < n; i++, ia += st[0], ic += st[1]) {
                DType.BOOL.setLong(segs[1], ic, f.test(in.getDouble(segs[0], ia)) ? 1 : 0);
            }
        };
    }

    static StridedLoop predicateL(DType in, LongPredicate f) {
        return (segs, offs, st, n) -> {
            long ia = offs[0], ic = offs[1];
            for (long i = 0; i < n; i++, ia += st[0], ic += st[1]) {
                DType.BOOL.setLong(segs[1], ic, f.test(in.getLong(segs[0], ia)) ? 1 : 0);
            }
        };
    }

    static StridedLoop compareF(DType in, DoubleBiPredicate f) {
        return (segs, offs, st, n) -> {
            long ia = offs[0], ib = offs[1], ic = offs[2];
            for (long i = 0; i < n; i++, ia += st[0], ib += st[1], ic += st[2]) {
                boolean r = f.test(in.getDouble(segs[0], ia), in.getDouble(segs[1], ib));
                DType.BOOL.setLong(segs[2], ic, r ? 1 : 0);
            }
        };
    }

    static StridedLoop compareL(DType in, LongBiPredicate f) {
        return (segs, offs, st, n) -> {
            long ia = offs[0], ib = offs[1], ic = offs[2];
            for (long i = 0; i < n; i++, ia += st[0], ib += st[1], ic += st[2]) {
                boolean r = f.test(in.getLong(segs[0], ia), in.getLong(segs[1], ib));
                DType.BOOL.setLong(segs[2], ic, r ? 1 : 0);
            }
        };
    }
}
