package dev.tessel.bench.simd;

import dev.tessel.DType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;

/** Seeded, 64-byte-aligned operands for the kernel benchmarks. */
final class Operands {
    private Operands() {
    }

    /** n elements of t, uniform in [lo, hi). */
    static MemorySegment filled(DType t, long n, double lo, double hi, long seed) {
        MemorySegment s = Arena.ofAuto().allocate(Math.max(1, n) * t.itemSize(), 64);
        Random rnd = new Random(seed);
        for (long i = 0; i < n; i++) {
            t.setDouble(s, i, lo + rnd.nextDouble() * (hi - lo));
        }
        return s;
    }
}
