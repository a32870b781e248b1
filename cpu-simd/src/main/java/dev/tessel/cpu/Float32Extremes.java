package dev.tessel.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * FLOAT32 maximum, minimum, fmax, fmin and argmax/argmin of one run, NaN rules as NumPy's: max
 * of a run with a NaN is NaN, argmax is the index of its first NaN, otherwise the first index
 * of the extreme. The template of its FLOAT64 twin (see {@code cpu-simd/gen/kernels.py}); why
 * the loops look as they do is in {@link Float32Folds}.
 *
 * <p><b>Max and min</b> run {@link #MU} compare-and-blend chains ({@code m = m < v ? v : m}:
 * one compare, one blend, NaN never enters) and catch NaNs with a running sum, one add per
 * vector on the adder ports ({@code NaN + x} is NaN), instead of a NaN test and a mask OR per
 * vector. A NaN sum can also come from {@code inf + -inf}, so it only sends the run to
 * {@link #hasNaN}, a scan for a real NaN. Each loop's NaN test and lane reduction stay in
 * its own method ({@link #maxBody}: see there why).
 *
 * <p><b>Argmax and argmin</b> read the run once: per block (at least {@link #BLOCK} elements,
 * n / 64 in long runs) the max loop ({@link #maxBody}) gives the block's maximum; the run keeps
 * the best value and the start of the block where it first appeared (strict compare: the
 * earlier block wins ties, and -0.0 ties 0.0 as in NumPy). At the end one scan of that block
 * finds the first occurrence. A block whose sum is NaN is scanned for its first NaN, which is
 * then the answer (blocks are visited in order).
 */
final class Float32Extremes {
    private static final VectorSpecies<Float> S = Lanes.F32;
    private static final int L = S.length();
    private static final long W = Float.BYTES;
    /** Bytes per vector. */
    private static final long V = L * W;
    private static final ValueLayout.OfFloat E = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();
    /** Compare-blend chains: eight hide the compare's latency (four measured 1.9x slower at 1e5). */
    private static final int MU = 8;
    /**
     * Smallest arg-reduction block: large enough that the per-block merge costs about 3%. Long
     * runs use n / 64: each block restarts the two memory streams of {@link #maxBody}, which
     * at 1e7 float32 elements and 4096-element blocks ran at half the speed of max.
     */
    private static final long BLOCK = 32L * MU * L;

    private Float32Extremes() {
    }

    // ---- maximum / minimum ----

    /** The largest (or smallest) element, NaN if any element is NaN. n > 0. */
    static float extreme(MemorySegment in, long off, long stride, long n, boolean max) {
        if (stride == 1 && n >= 2L * MU * L) {
            return run(in, off, n, max);
        }
        float m = in.getAtIndex(E, off);
        for (long i = 1; i < n; i++) {
            float x = in.getAtIndex(E, off + i * stride);
            m = max ? Math.max(m, x) : Math.min(m, x);
        }
        return m;
    }

    /** Elements before the first vector-aligned one (0 when elements are not even element-aligned). */
    private static long peel(MemorySegment in, long off) {
        long at = in.address() + off * W;
        long vb = S.vectorByteSize();
        return at % W != 0 ? 0 : (vb - at % vb) % vb / W;
    }

    /**
     * The largest element of a contiguous run of n >= 2 * MU * L, NaN if any is NaN. The body
     * starts at a vector boundary (unaligned loads split cache lines); the elements before and
     * after it are read as vectors too ({@link #edges}), none as a scalar: the scalar head
     * and tail were up to 127 dependent Math.max steps per call, and RunFold makes a call per
     * 65536-element block. The parts answer NaN when their running sum is NaN; the rare false
     * alarm (inf + -inf) is told apart here, so that the loops keep no scalar state alive
     * across them (with the run's base, length and segment live, C2 kept two of the loop's
     * address terms on the stack).
     */
    private static float run(MemorySegment in, long off, long n, boolean max) {
        long b = off * W;
        long p = peel(in, off);
        long body = (n - p) / (MU * L) * (MU * L); // at least MU * L, as n >= 2 * MU * L
        float inner = max ? maxBody(in, b + p * W, body) : minBody(in, b + p * W, body);
        float outer = edges(in, b, p + body, n, max);
        float m = max ? Math.max(inner, outer) : Math.min(inner, outer);
        return Float.isNaN(m) && !hasNaN(in, b, n) ? ignoringNaN(in, off, 1, n, max) : m;
    }

    /**
     * The largest (or smallest) of the first L elements from byte b and of [from, n), NaN when
     * their sum is NaN: a few vectors, the last one ending at n and overlapping what came before
     * (max and min are idempotent, so an element read twice changes nothing). from >= L. The
     * smallest is the negated largest of the negated elements: each vector is multiplied by
     * +-1 (exact, and it keeps NaN and the zeros' order), so one compare serves both, where a
     * mask chosen by a condition would be boxed.
     */
    private static float edges(MemorySegment in, long b, long from, long n, boolean max) {
        float sign = max ? 1f : -1f;
        FloatVector m = FloatVector.fromMemorySegment(S, in, b, NO).mul(sign);
        FloatVector t = FloatVector.fromMemorySegment(S, in, b + (n - L) * W, NO).mul(sign);
        FloatVector s = m.add(t);
        m = m.blend(t, m.lt(t));
        for (long i = from; i < n - L; i += L) {
            FloatVector v = FloatVector.fromMemorySegment(S, in, b + i * W, NO).mul(sign);
            s = s.add(v);
            m = m.blend(v, m.lt(v));
        }
        return FloatClasses.isNaN(s).anyTrue() ? Float.NaN : sign * m.reduceLanes(VectorOperators.MAX);
    }

    /**
     * The largest of n elements from byte b (n a positive multiple of MU * L), NaN when their
     * sum is NaN (a NaN, or inf + -inf). Loop, NaN test and lane reduction share this one
     * method on purpose: a vector returned by a method that C2 does not inline into its caller
     * (this loop is too large to be) is boxed, and the caller's NaN test and lane reduction on
     * it run as virtual calls into the Vector API's Java fallbacks (a JFR profile of the
     * previous shape showed them; FoldBench max of 1000 float32 went from 0.10 to 0.055 us).
     *
     * <p>The two halves of the range are read side by side: two memory streams keep more
     * prefetches in flight than one (one stream measured 1.4x slower at 1e5 and 2x at 1e7
     * float32). The loop walks byte offsets: the same loop over element indices measured 12% slower at 1e6 (L3) but 6-12% faster at 1e5 (L2) and 1e7
     * (DRAM), float32 and float64, through ReductionBench (3 forks, twice); with no perf
     * counters on this machine the cause is not known, and the L3 case is the one behind NumPy.
     */
    private static float maxBody(MemorySegment in, long b, long n) {
        FloatVector m0 = FloatVector.fromMemorySegment(S, in, b, NO), m1 = m0, m2 = m0, m3 = m0;
        FloatVector m4 = m0, m5 = m0, m6 = m0, m7 = m0;
        FloatVector s0 = FloatVector.zero(S), s1 = s0;
        long h = n / 2 * W; // bytes in each half: a multiple of four vectors
        for (long o = b, end = b + h; o < end; o += 4L * V) { // unrolled 8x: eight chains, two streams
            FloatVector v0 = FloatVector.fromMemorySegment(S, in, o, NO);
            FloatVector v1 = FloatVector.fromMemorySegment(S, in, o + V, NO);
            FloatVector v2 = FloatVector.fromMemorySegment(S, in, o + 2L * V, NO);
            FloatVector v3 = FloatVector.fromMemorySegment(S, in, o + 3L * V, NO);
            FloatVector v4 = FloatVector.fromMemorySegment(S, in, o + h, NO);
            FloatVector v5 = FloatVector.fromMemorySegment(S, in, o + h + V, NO);
            FloatVector v6 = FloatVector.fromMemorySegment(S, in, o + h + 2L * V, NO);
            FloatVector v7 = FloatVector.fromMemorySegment(S, in, o + h + 3L * V, NO);
            s0 = s0.add(v0.add(v1).add(v2.add(v3)));
            s1 = s1.add(v4.add(v5).add(v6.add(v7)));
            m0 = m0.blend(v0, m0.lt(v0));
            m1 = m1.blend(v1, m1.lt(v1));
            m2 = m2.blend(v2, m2.lt(v2));
            m3 = m3.blend(v3, m3.lt(v3));
            m4 = m4.blend(v4, m4.lt(v4));
            m5 = m5.blend(v5, m5.lt(v5));
            m6 = m6.blend(v6, m6.lt(v6));
            m7 = m7.blend(v7, m7.lt(v7));
        }
        if (FloatClasses.isNaN(s0.add(s1)).anyTrue()) {
            return Float.NaN;
        }
        m0 = m0.blend(m1, m0.lt(m1));
        m2 = m2.blend(m3, m2.lt(m3));
        m4 = m4.blend(m5, m4.lt(m5));
        m6 = m6.blend(m7, m6.lt(m7));
        m0 = m0.blend(m2, m0.lt(m2));
        m4 = m4.blend(m6, m4.lt(m6));
        return m0.blend(m4, m0.lt(m4)).reduceLanes(VectorOperators.MAX);
    }

    // The mirror of maxBody.
    private static float minBody(MemorySegment in, long b, long n) {
        FloatVector m0 = FloatVector.fromMemorySegment(S, in, b, NO), m1 = m0, m2 = m0, m3 = m0;
        FloatVector m4 = m0, m5 = m0, m6 = m0, m7 = m0;
        FloatVector s0 = FloatVector.zero(S), s1 = s0;
        long h = n / 2 * W; // bytes in each half: a multiple of four vectors
        for (long o = b, end = b + h; o < end; o += 4L * V) { // unrolled 8x: eight chains, two streams
            FloatVector v0 = FloatVector.fromMemorySegment(S, in, o, NO);
            FloatVector v1 = FloatVector.fromMemorySegment(S, in, o + V, NO);
            FloatVector v2 = FloatVector.fromMemorySegment(S, in, o + 2L * V, NO);
            FloatVector v3 = FloatVector.fromMemorySegment(S, in, o + 3L * V, NO);
            FloatVector v4 = FloatVector.fromMemorySegment(S, in, o + h, NO);
            FloatVector v5 = FloatVector.fromMemorySegment(S, in, o + h + V, NO);
            FloatVector v6 = FloatVector.fromMemorySegment(S, in, o + h + 2L * V, NO);
            FloatVector v7 = FloatVector.fromMemorySegment(S, in, o + h + 3L * V, NO);
            s0 = s0.add(v0.add(v1).add(v2.add(v3)));
            s1 = s1.add(v4.add(v5).add(v6.add(v7)));
            m0 = m0.blend(v0, v0.lt(m0));
            m1 = m1.blend(v1, v1.lt(m1));
            m2 = m2.blend(v2, v2.lt(m2));
            m3 = m3.blend(v3, v3.lt(m3));
            m4 = m4.blend(v4, v4.lt(m4));
            m5 = m5.blend(v5, v5.lt(m5));
            m6 = m6.blend(v6, v6.lt(m6));
            m7 = m7.blend(v7, v7.lt(m7));
        }
        if (FloatClasses.isNaN(s0.add(s1)).anyTrue()) {
            return Float.NaN;
        }
        m0 = m0.blend(m1, m1.lt(m0));
        m2 = m2.blend(m3, m3.lt(m2));
        m4 = m4.blend(m5, m5.lt(m4));
        m6 = m6.blend(m7, m7.lt(m6));
        m0 = m0.blend(m2, m2.lt(m0));
        m4 = m4.blend(m6, m6.lt(m4));
        return m0.blend(m4, m4.lt(m0)).reduceLanes(VectorOperators.MIN);
    }

    /**
     * Whether n elements from byte b hold a NaN: asked only when a running sum turned NaN, which
     * inf + -inf also does. Without a NaN the run is done again by {@link #ignoringNaN}, which
     * then equals max (rare: both infinities in one run).
     */
    private static boolean hasNaN(MemorySegment in, long b, long n) {
        for (long i = nanScan(in, b, n); i < n; i++) {
            if (Float.isNaN(in.get(E, b + i * W))) {
                return true;
            }
        }
        return false;
    }

    // ---- fmax / fmin: NaNs are skipped ----

    static float fmax(float a, float b) {
        return Float.isNaN(a) ? b : Float.isNaN(b) ? a : Math.max(a, b);
    }

    static float fmin(float a, float b) {
        return Float.isNaN(a) ? b : Float.isNaN(b) ? a : Math.min(a, b);
    }

    /**
     * The largest (or smallest) non-NaN element, NaN if all are NaN. The compare-and-blend step
     * skips NaNs by itself (a comparison with NaN is false), so the accumulators start at the
     * infinity that loses every comparison; only when that infinity survives is the run
     * rescanned to tell "all NaN" from "all -inf".
     */
    static float ignoringNaN(MemorySegment in, long off, long stride, long n, boolean max) {
        float none = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        float m = none;
        long i = 0;
        if (stride == 1 && n >= 4L * L) {
            i = n / (4L * L) * (4L * L);
            m = max ? fmaxBody(in, off * W, i) : fminBody(in, off * W, i);
        }
        for (; i < n; i++) {
            float x = in.getAtIndex(E, off + i * stride);
            if (max ? x > m : x < m) {
                m = x;
            }
        }
        if (m == none) {
            for (long j = 0; j < n; j++) {
                if (!Float.isNaN(in.getAtIndex(E, off + j * stride))) {
                    return m;
                }
            }
            return Float.NaN;
        }
        return m;
    }

    // Unrolled 4x: four compare-and-blend accumulators; n is a multiple of 4 * L. Separate
    // from its fmin mirror: a mask chosen by a condition inside the loop would be boxed.
    private static float fmaxBody(MemorySegment in, long b, long n) {
        FloatVector m0 = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY), m1 = m0, m2 = m0, m3 = m0;
        for (long i = 0; i < n; i += 4L * L) {
            FloatVector v0 = FloatVector.fromMemorySegment(S, in, b + i * W, NO);
            FloatVector v1 = FloatVector.fromMemorySegment(S, in, b + (i + L) * W, NO);
            FloatVector v2 = FloatVector.fromMemorySegment(S, in, b + (i + 2L * L) * W, NO);
            FloatVector v3 = FloatVector.fromMemorySegment(S, in, b + (i + 3L * L) * W, NO);
            m0 = m0.blend(v0, m0.lt(v0));
            m1 = m1.blend(v1, m1.lt(v1));
            m2 = m2.blend(v2, m2.lt(v2));
            m3 = m3.blend(v3, m3.lt(v3));
        }
        return m0.lanewise(VectorOperators.MAX, m1).lanewise(VectorOperators.MAX, m2.lanewise(VectorOperators.MAX, m3))
                .reduceLanes(VectorOperators.MAX);
    }

    // Unrolled 4x, the mirror of fmaxBody.
    private static float fminBody(MemorySegment in, long b, long n) {
        FloatVector m0 = FloatVector.broadcast(S, Float.POSITIVE_INFINITY), m1 = m0, m2 = m0, m3 = m0;
        for (long i = 0; i < n; i += 4L * L) {
            FloatVector v0 = FloatVector.fromMemorySegment(S, in, b + i * W, NO);
            FloatVector v1 = FloatVector.fromMemorySegment(S, in, b + (i + L) * W, NO);
            FloatVector v2 = FloatVector.fromMemorySegment(S, in, b + (i + 2L * L) * W, NO);
            FloatVector v3 = FloatVector.fromMemorySegment(S, in, b + (i + 3L * L) * W, NO);
            m0 = m0.blend(v0, v0.lt(m0));
            m1 = m1.blend(v1, v1.lt(m1));
            m2 = m2.blend(v2, v2.lt(m2));
            m3 = m3.blend(v3, v3.lt(m3));
        }
        return m0.lanewise(VectorOperators.MIN, m1).lanewise(VectorOperators.MIN, m2.lanewise(VectorOperators.MIN, m3))
                .reduceLanes(VectorOperators.MIN);
    }

    // ---- argmax / argmin ----

    /** Position of the first maximum (or minimum) of the run, or of its first NaN. n > 0. */
    static long arg(MemorySegment in, long off, long stride, long n, boolean max) {
        if (stride != 1 || n < MU * L || n > Integer.MAX_VALUE) {
            return firstOf(in, off, stride, n, extreme(in, off, stride, n, max));
        }
        return max ? argmaxRun(in, off, n) : argminRun(in, off, n);
    }

    // Two near-copies on purpose: one method branching on max measured slower in some JVMs
    // (argmax of 1e3 float32 at 450-610 ns in 2 of 6 forks, against 178-185 ns in every fork of these).
    private static long argmaxRun(MemorySegment in, long off, long n) {
        long b = off * W;
        long body = n / (MU * L) * (MU * L);
        long block = blockFor(n);
        float best = Float.NEGATIVE_INFINITY;
        long from = 0; // start of the block where best first appeared
        for (long s = 0; s < body; s += block) {
            long e = Math.min(body, s + block);
            float m = maxBody(in, b + s * W, e - s);
            if (Float.isNaN(m)) {
                return nanInBlock(in, off, n, s, e, true);
            }
            if (m > best) {
                best = m;
                from = s;
            }
        }
        return finish(in, off, n, body, best, from + firstOf(in, off + from, 1, Math.min(block, body - from), best), true);
    }

    // The mirror of argmaxRun.
    private static long argminRun(MemorySegment in, long off, long n) {
        long b = off * W;
        long body = n / (MU * L) * (MU * L);
        long block = blockFor(n);
        float best = Float.POSITIVE_INFINITY;
        long from = 0;
        for (long s = 0; s < body; s += block) {
            long e = Math.min(body, s + block);
            float m = minBody(in, b + s * W, e - s);
            if (Float.isNaN(m)) {
                return nanInBlock(in, off, n, s, e, false);
            }
            if (m < best) {
                best = m;
                from = s;
            }
        }
        return finish(in, off, n, body, best, from + firstOf(in, off + from, 1, Math.min(block, body - from), best), false);
    }

    /** Block length for a run of n: a multiple of MU * L that depends on n alone. */
    private static long blockFor(long n) {
        return Math.max(BLOCK, n / 64 / (MU * L) * (MU * L));
    }

    /**
     * The block [s, e) summed to NaN: its first NaN is the answer. Without one, inf + -inf made
     * the sum NaN, and the run is done the exact two-pass way (rare: both infinities in a block).
     */
    private static long nanInBlock(MemorySegment in, long off, long n, long s, long e, boolean max) {
        long k = nanScan(in, (off + s) * W, e - s);
        if (k < e - s) {
            return s + k;
        }
        return firstOf(in, off, 1, n, extreme(in, off, 1, n, max));
    }

    /** The scalar tail after the vector part: a later element wins only when strictly beyond, or NaN. */
    private static long finish(MemorySegment in, long off, long n, long i, float m, long k, boolean max) {
        for (; i < n; i++) {
            float x = in.getAtIndex(E, off + i);
            if (Float.isNaN(x)) {
                return i;
            }
            if (max ? x > m : x < m) {
                m = x;
                k = i;
            }
        }
        return k;
    }

    // ---- first occurrence ----

    /** Index of the first element equal to {@code v} (or the first NaN when v is NaN). */
    static long firstOf(MemorySegment in, long off, long stride, long n, float v) {
        boolean nan = Float.isNaN(v);
        long i = 0;
        if (stride == 1 && n >= L) {
            i = nan ? nanScan(in, off * W, n) : equalScan(in, off * W, n, v);
        }
        for (; i < n; i++) {
            float x = in.getAtIndex(E, off + i * stride);
            if (nan ? Float.isNaN(x) : x == v) {
                return i;
            }
        }
        throw new IllegalStateException("extreme value " + v + " not found in its own run");
    }

    // One mask per loop: a mask chosen by a condition inside the loop gets boxed (measured 10x slower).
    /** The first index equal to v, or where the vector scan stopped without a hit. */
    private static long equalScan(MemorySegment in, long b, long n, float v) {
        FloatVector target = FloatVector.broadcast(S, v);
        long i = 0;
        for (long end = n - L; i <= end; i += L) {
            VectorMask<Float> hit = FloatVector.fromMemorySegment(S, in, b + i * W, NO).eq(target);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        return i;
    }

    /** The first NaN's index, or where the vector scan stopped without a hit (n if none). */
    private static long nanScan(MemorySegment in, long b, long n) {
        long i = 0;
        for (long end = n - L; i <= end; i += L) {
            VectorMask<Float> hit = FloatClasses.isNaN(FloatVector.fromMemorySegment(S, in, b + i * W, NO));
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        return i;
    }
}
