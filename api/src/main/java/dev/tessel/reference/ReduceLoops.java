package dev.tessel.reference;

import dev.tessel.DType;
import dev.tessel.spi.ReduceLoop;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;

/**
 * Reduction loops. Float {@code add} sums pairwise as NumPy does (blocks of up to 128 folded
 * with eight accumulators, halves above that), so the error grows as O(log n); float32 sums
 * accumulate in float32 like NumPy's. Every other reduction folds left to right through the
 * binary loop of its ufunc, with the accumulator as both first input and output.
 */
final class ReduceLoops {
    private static final int BLOCK = 128;

    private ReduceLoops() {
    }

    static ReduceLoop of(LoopTable table, String ufunc, DType type) {
        if (ufunc.equals("add") && type == DType.FLOAT64) {
            return (in, off, stride, n, out, outOff) ->
                    type.setDouble(out, outOff, type.getDouble(out, outOff) + pairwise64(in, off, stride, n));
        }
        if (ufunc.equals("add") && type == DType.FLOAT32) {
            return (in, off, stride, n, out, outOff) ->
                    type.setDouble(out, outOff, (float) type.getDouble(out, outOff) + pairwise32(in, off, stride, n));
        }
        StridedLoop binary = table.get(ufunc, new DType[] {type, type, type});
        if (binary == null) {
            return null;
        }
        return (in, off, stride, n, out, outOff) -> binary.run(new MemorySegment[] {out, in, out},
                new long[] {outOff, off, outOff}, new long[] {0, stride, 0}, n);
    }

    static double pairwise64(MemorySegment in, long off, long stride, long n) {
        DType t = DType.FLOAT64;
        if (n < 8) {
            double r = -0.0; // so that a run of -0.0 sums to -0.0
            for (long i = 0; i < n; i++) {
                r += t.getDouble(in, off + i * stride);
            }
            return r;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            for (int j = 0; j < 8; j++) {
                r[j] = t.getDouble(in, off + j * stride);
            }
            long i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += t.getDouble(in, off + (i + j) * stride);
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += t.getDouble(in, off + i * stride);
            }
            return res;
        }
        long n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise64(in, off, stride, n2) + pairwise64(in, off + n2 * stride, stride, n - n2);
    }

    static float pairwise32(MemorySegment in, long off, long stride, long n) {
        DType t = DType.FLOAT32;
        if (n < 8) {
            float r = -0.0f;
            for (long i = 0; i < n; i++) {
                r += (float) t.getDouble(in, off + i * stride);
            }
            return r;
        }
        if (n <= BLOCK) {
            float[] r = new float[8];
            for (int j = 0; j < 8; j++) {
                r[j] = (float) t.getDouble(in, off + j * stride);
            }
            long i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += (float) t.getDouble(in, off + (i + j) * stride);
                }
            }
            float res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += (float) t.getDouble(in, off + i * stride);
            }
            return res;
        }
        long n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise32(in, off, stride, n2) + pairwise32(in, off + n2 * stride, stride, n - n2);
    }
}
