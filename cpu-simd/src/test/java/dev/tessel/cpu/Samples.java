package dev.tessel.cpu;

import dev.tessel.DType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;
import java.util.stream.LongStream;

/** Seeded test data: awkward sizes, strided runs with slack around them, values with specials. */
final class Samples {
    /** Elements of slack before and after every run, so stray writes show up. */
    static final long SLACK = 3;
    private static final double[] FLOAT_SPECIALS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-40, -3.4e38, 1e300};
    private static final long[] INT_SPECIALS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
        Long.MIN_VALUE, 7, -7};

    private Samples() {
    }

    /** 0, 1, lanes-1, lanes, lanes+1, 2*lanes+3, some primes, 702, 1024. */
    static long[] sizes(int lanes) {
        return LongStream.of(0, 1, 2, lanes - 1, lanes, lanes + 1, 2L * lanes + 3, 4L * lanes - 1, 4L * lanes + 5,
                7, 13, 31, 97, 257, 702, 1024).filter(x -> x >= 0).distinct().toArray();
    }

    static int lanes(DType t) {
        return switch (t) {
            case FLOAT32 -> Lanes.F32.length();
            case FLOAT64 -> Lanes.F64.length();
            case INT32 -> Lanes.I32.length();
            case INT64 -> Lanes.I64.length();
            case INT16 -> Lanes.I16.length();
            case INT8 -> Lanes.I8.length();
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    /** A strided run of n elements of t inside a segment filled with test values. */
    record Run(MemorySegment seg, long off, long stride) {
    }

    static Run run(DType t, long n, long stride, Random rnd) {
        long span = n == 0 ? 1 : Math.abs(stride) * (n - 1) + 1;
        long total = span + 2 * SLACK;
        MemorySegment seg = Arena.ofAuto().allocate(total * t.itemSize(), 64);
        for (long i = 0; i < total; i++) {
            put(t, seg, i, rnd);
        }
        long off = SLACK + (stride < 0 ? span - 1 : 0);
        return new Run(seg, off, stride);
    }

    static void put(DType t, MemorySegment seg, long i, Random rnd) {
        if (t == DType.BOOL) {
            seg.set(java.lang.foreign.ValueLayout.JAVA_BYTE, i, (byte) 0x55);
        } else if (t.isFloating()) {
            t.setDouble(seg, i, rnd.nextInt(8) == 0 ? FLOAT_SPECIALS[rnd.nextInt(FLOAT_SPECIALS.length)]
                    : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3));
        } else {
            t.setLong(seg, i, rnd.nextInt(8) == 0 ? INT_SPECIALS[rnd.nextInt(INT_SPECIALS.length)]
                    : rnd.nextInt(2001) - 1000);
        }
    }

    /** Bitwise equality with every NaN the same. */
    static boolean same(DType t, MemorySegment a, MemorySegment b, long i) {
        if (t.isFloating()) {
            double x = t.getDouble(a, i);
            double y = t.getDouble(b, i);
            return Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
        }
        return t.getLong(a, i) == t.getLong(b, i);
    }
}
