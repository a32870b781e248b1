package dev.tessel;

import java.lang.foreign.MemorySegment;

/**
 * A seeded random array generator: {@code Nd.random(seed)}. The same seed gives the same
 * arrays on every platform and run. The stream is Tessel's own (xoshiro256** seeded through
 * SplitMix64) and differs from NumPy's PCG64: only the distributions match, not the numbers.
 * Not thread-safe: give each thread its own generator. Not for cryptography.
 */
public final class RandomGenerator {
    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private double spareNormal = Double.NaN;

    RandomGenerator(long seed) {
        // SplitMix64 spreads any seed (0 included) over the four state words, never all zero.
        long x = seed;
        s0 = mix(x += 0x9E3779B97F4A7C15L);
        s1 = mix(x += 0x9E3779B97F4A7C15L);
        s2 = mix(x += 0x9E3779B97F4A7C15L);
        s3 = mix(x + 0x9E3779B97F4A7C15L);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The next 64 random bits (xoshiro256**). */
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** A double uniform in [0, 1), from the top 53 bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform floats in {@code [low, high)}; values that round up to {@code high} in a narrow dtype are redrawn. */
    public NdArray uniform(double low, double high, DType dtype, long... shape) {
        requireFloating("uniform", dtype);
        if (!(low <= high) || !Double.isFinite(high - low)) {
            throw new IllegalArgumentException("uniform needs finite low <= high, got low=" + low + ", high=" + high);
        }
        NdArray a = NdArray.allocate(dtype, shape);
        MemorySegment seg = a.segment();
        for (long i = 0, n = a.size(); i < n; i++) {
            double v;
            do {
                dtype.setDouble(seg, i, low + (high - low) * nextDouble());
                v = dtype.getDouble(seg, i);
            } while (v >= high && high > low);
        }
        return a;
    }

    /** Normal floats with the given mean and standard deviation (Marsaglia's polar method). */
    public NdArray normal(double mean, double std, DType dtype, long... shape) {
        requireFloating("normal", dtype);
        if (!(std >= 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("normal needs a finite std >= 0, got " + std);
        }
        NdArray a = NdArray.allocate(dtype, shape);
        for (long i = 0, n = a.size(); i < n; i++) {
            dtype.setDouble(a.segment(), i, mean + std * nextGaussian());
        }
        return a;
    }

    private double nextGaussian() {
        if (!Double.isNaN(spareNormal)) {
            double g = spareNormal;
            spareNormal = Double.NaN;
            return g;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spareNormal = v * f;
        return u * f;
    }

    /** Integers uniform in {@code [low, high)}, without modulo bias; the range must fit the dtype. */
    public NdArray integers(long low, long high, DType dtype, long... shape) {
        if (!dtype.isInteger()) {
            throw new IllegalArgumentException("integers needs an integer dtype, got " + dtype);
        }
        if (low >= high) {
            throw new IllegalArgumentException("low >= high: integers needs low < high, got low=" + low + ", high=" + high);
        }
        checkFits(low, high - 1, dtype);
        NdArray a = NdArray.allocate(dtype, shape);
        long span = high - low; // may overflow to negative for spans over 2^63; handled by nextBelow
        for (long i = 0, n = a.size(); i < n; i++) {
            dtype.setLong(a.segment(), i, low + nextBelow(span));
        }
        return a;
    }

    /** Uniform in [0, span) treating span as unsigned, by rejection of the incomplete last block. */
    private long nextBelow(long span) {
        long limit = Long.remainderUnsigned(-span, span); // 2^64 mod span
        while (true) {
            long r = nextLong();
            if (Long.compareUnsigned(r, limit) >= 0 || limit == 0) {
                return Long.remainderUnsigned(r, span);
            }
        }
    }

    private static void checkFits(long low, long highest, DType dtype) {
        long min = switch (dtype) {
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            case UINT8 -> 0;
            default -> Long.MIN_VALUE;
        };
        long max = switch (dtype) {
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            case UINT8 -> 255;
            default -> Long.MAX_VALUE;
        };
        if (low < min || highest > max) {
            throw new IllegalArgumentException("low is out of bounds for " + dtype + ": the range [" + low + ", " + (highest + 1)
                    + ") does not fit in [" + min + ", " + max + "]");
        }
    }

    private static void requireFloating(String what, DType dtype) {
        if (!dtype.isFloating()) {
            throw new IllegalArgumentException(what + " needs a floating dtype, got " + dtype);
        }
    }
}
