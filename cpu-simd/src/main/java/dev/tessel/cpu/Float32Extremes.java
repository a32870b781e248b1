package dev.tessel.cpu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
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
 * vector. A NaN sum can also come from {@code inf + -inf}, so it only sends the run to the
 * exact (slower) {@link #checkedMax}, which tests every vector for NaN.
 *
 * <p><b>Argmax and argmin</b> read the run once: per block (at least {@link #BLOCK} elements,
 * n / 64 in long runs) the
 * same max loop gives each lane's block maximum; a lane keeps its best value and the start of
 * the block where that value first appeared (strict compare: the earlier block wins ties). At
 * the end the first occurrence of the overall extreme lies in the earliest block recorded by a
 * lane holding it, and one scan of that block finds it. A block whose sum is NaN is scanned
 * for its first NaN, which is then the answer (blocks are visited in order).
 */
final class Float32Extremes {
    private static final VectorSpecies<Float> S = Lanes.F32;
    private static final int L = S.length();
    /** Block starts per lane: same lane count as {@link #S}. */
    private static final VectorSpecies<Integer> IS = S.withLanes(int.class);
    private static final long W = Float.BYTES;
    private static final ValueLayout.OfFloat E = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();
    /** Compare-blend chains: eight hide the compare's latency (four measured 1.9x slower at 1e5). */
    private static final int MU = 8;
    /**
     * Smallest arg-reduction block: large enough that the per-block merge costs about 3%. Long
     * runs use n / 64: each block restarts the two memory streams of {@link #maxLanes}, which
     * at 1e7 float32 elements and 4096-element blocks ran at half the speed of max.
     */
    private static final long BLOCK = 32L * MU * L;

    private Float32Extremes() {
    }

    // ---- maximum / minimum ----

    /** The largest (or smallest) element, NaN if any element is NaN. n > 0. */
    static float extreme(MemorySegment in, long off, long stride, long n, boolean max) {
        long i = 0;
        float m = in.getAtIndex(E, off);
        if (stride == 1 && n >= 2L * MU * L) {
            // Scalar steps up to a vector boundary first: a reduction without an identity
            // starts one element in, and unaligned vector loads split cache lines (one element
            // in measured 1.07x slower at 1e5 float32, 1.35x at 1e5 float64, in a scratch
            // timing). The answer does not depend on where the body starts.
            long p = peel(in, off);
            for (; i < p; i++) {
                float x = in.getAtIndex(E, off + i);
                m = max ? Math.max(m, x) : Math.min(m, x);
            }
            long body = (n - p) / (MU * L) * (MU * L);
            float v = max ? maxBody(in, (off + p) * W, body) : minBody(in, (off + p) * W, body);
            m = max ? Math.max(m, v) : Math.min(m, v);
            i = p + body;
        }
        for (; i < n; i++) {
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

    private static float maxBody(MemorySegment in, long b, long n) {
        FloatVector m = maxLanes(in, b, 0, n);
        if (FloatClasses.isNaN(m).anyTrue()) {
            return checkedMax(in, b, n);
        }
        return m.reduceLanes(VectorOperators.MAX);
    }

    private static float minBody(MemorySegment in, long b, long n) {
        FloatVector m = minLanes(in, b, 0, n);
        if (FloatClasses.isNaN(m).anyTrue()) {
            return checkedMin(in, b, n);
        }
        return m.reduceLanes(VectorOperators.MIN);
    }

    /**
     * Lane k: the largest element of [s, e) at an index = k (mod L); all lanes NaN when the
     * running sum is NaN (a NaN, or inf + -inf, was met). e - s is a positive multiple of MU * L.
     * The two halves of the range are read side by side: two memory streams keep more
     * prefetches in flight than one (a scratch timing at 1e6 and 1e7 float32 elements, on the
     * loaded shared machine, measured 8% and 40% less time).
     */
    private static FloatVector maxLanes(MemorySegment in, long b, long s, long e) {
        FloatVector m0 = FloatVector.fromMemorySegment(S, in, b + s * W, NO), m1 = m0, m2 = m0, m3 = m0;
        FloatVector m4 = m0, m5 = m0, m6 = m0, m7 = m0;
        FloatVector s0 = FloatVector.zero(S), s1 = s0;
        long half = (e - s) / 2; // a multiple of 4 * L
        long c = b + half * W;
        for (long i = s; i < s + half; i += 4L * L) { // unrolled 8x: eight chains, two streams
            FloatVector v0 = FloatVector.fromMemorySegment(S, in, b + i * W, NO);
            FloatVector v1 = FloatVector.fromMemorySegment(S, in, b + (i + L) * W, NO);
            FloatVector v2 = FloatVector.fromMemorySegment(S, in, b + (i + 2L * L) * W, NO);
            FloatVector v3 = FloatVector.fromMemorySegment(S, in, b + (i + 3L * L) * W, NO);
            FloatVector v4 = FloatVector.fromMemorySegment(S, in, c + i * W, NO);
            FloatVector v5 = FloatVector.fromMemorySegment(S, in, c + (i + L) * W, NO);
            FloatVector v6 = FloatVector.fromMemorySegment(S, in, c + (i + 2L * L) * W, NO);
            FloatVector v7 = FloatVector.fromMemorySegment(S, in, c + (i + 3L * L) * W, NO);
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
            return FloatVector.broadcast(S, Float.NaN);
        }
        m0 = m0.blend(m1, m0.lt(m1));
        m2 = m2.blend(m3, m2.lt(m3));
        m4 = m4.blend(m5, m4.lt(m5));
        m6 = m6.blend(m7, m6.lt(m7));
        m0 = m0.blend(m2, m0.lt(m2));
        m4 = m4.blend(m6, m4.lt(m6));
        return m0.blend(m4, m0.lt(m4));
    }

    // The mirror of maxLanes.
    private static FloatVector minLanes(MemorySegment in, long b, long s, long e) {
        FloatVector m0 = FloatVector.fromMemorySegment(S, in, b + s * W, NO), m1 = m0, m2 = m0, m3 = m0;
        FloatVector m4 = m0, m5 = m0, m6 = m0, m7 = m0;
        FloatVector s0 = FloatVector.zero(S), s1 = s0;
        long half = (e - s) / 2; // a multiple of 4 * L
        long c = b + half * W;
        for (long i = s; i < s + half; i += 4L * L) { // unrolled 8x: eight chains, two streams
            FloatVector v0 = FloatVector.fromMemorySegment(S, in, b + i * W, NO);
            FloatVector v1 = FloatVector.fromMemorySegment(S, in, b + (i + L) * W, NO);
            FloatVector v2 = FloatVector.fromMemorySegment(S, in, b + (i + 2L * L) * W, NO);
            FloatVector v3 = FloatVector.fromMemorySegment(S, in, b + (i + 3L * L) * W, NO);
            FloatVector v4 = FloatVector.fromMemorySegment(S, in, c + i * W, NO);
            FloatVector v5 = FloatVector.fromMemorySegment(S, in, c + (i + L) * W, NO);
            FloatVector v6 = FloatVector.fromMemorySegment(S, in, c + (i + 2L * L) * W, NO);
            FloatVector v7 = FloatVector.fromMemorySegment(S, in, c + (i + 3L * L) * W, NO);
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
            return FloatVector.broadcast(S, Float.NaN);
        }
        m0 = m0.blend(m1, m1.lt(m0));
        m2 = m2.blend(m3, m3.lt(m2));
        m4 = m4.blend(m5, m5.lt(m4));
        m6 = m6.blend(m7, m7.lt(m6));
        m0 = m0.blend(m2, m2.lt(m0));
        m4 = m4.blend(m6, m6.lt(m4));
        return m0.blend(m4, m4.lt(m0));
    }

    // The exact fallback when the running sum turned NaN: a NaN test per vector. Unrolled 4x.
    private static float checkedMax(MemorySegment in, long b, long n) {
        FloatVector m0 = FloatVector.fromMemorySegment(S, in, b, NO), m1 = m0, m2 = m0, m3 = m0;
        VectorMask<Float> nan = S.maskAll(false);
        for (long i = 0; i < n; i += 4L * L) {
            FloatVector v0 = FloatVector.fromMemorySegment(S, in, b + i * W, NO);
            FloatVector v1 = FloatVector.fromMemorySegment(S, in, b + (i + L) * W, NO);
            FloatVector v2 = FloatVector.fromMemorySegment(S, in, b + (i + 2L * L) * W, NO);
            FloatVector v3 = FloatVector.fromMemorySegment(S, in, b + (i + 3L * L) * W, NO);
            nan = nan.or(FloatClasses.isNaN(v0)).or(FloatClasses.isNaN(v1))
                    .or(FloatClasses.isNaN(v2)).or(FloatClasses.isNaN(v3));
            m0 = m0.blend(v0, m0.lt(v0));
            m1 = m1.blend(v1, m1.lt(v1));
            m2 = m2.blend(v2, m2.lt(v2));
            m3 = m3.blend(v3, m3.lt(v3));
        }
        if (nan.anyTrue()) {
            return Float.NaN;
        }
        return m0.lanewise(VectorOperators.MAX, m1).lanewise(VectorOperators.MAX, m2.lanewise(VectorOperators.MAX, m3))
                .reduceLanes(VectorOperators.MAX);
    }

    // The mirror of checkedMax.
    private static float checkedMin(MemorySegment in, long b, long n) {
        FloatVector m0 = FloatVector.fromMemorySegment(S, in, b, NO), m1 = m0, m2 = m0, m3 = m0;
        VectorMask<Float> nan = S.maskAll(false);
        for (long i = 0; i < n; i += 4L * L) {
            FloatVector v0 = FloatVector.fromMemorySegment(S, in, b + i * W, NO);
            FloatVector v1 = FloatVector.fromMemorySegment(S, in, b + (i + L) * W, NO);
            FloatVector v2 = FloatVector.fromMemorySegment(S, in, b + (i + 2L * L) * W, NO);
            FloatVector v3 = FloatVector.fromMemorySegment(S, in, b + (i + 3L * L) * W, NO);
            nan = nan.or(FloatClasses.isNaN(v0)).or(FloatClasses.isNaN(v1))
                    .or(FloatClasses.isNaN(v2)).or(FloatClasses.isNaN(v3));
            m0 = m0.blend(v0, v0.lt(m0));
            m1 = m1.blend(v1, v1.lt(m1));
            m2 = m2.blend(v2, v2.lt(m2));
            m3 = m3.blend(v3, v3.lt(m3));
        }
        if (nan.anyTrue()) {
            return Float.NaN;
        }
        return m0.lanewise(VectorOperators.MIN, m1).lanewise(VectorOperators.MIN, m2.lanewise(VectorOperators.MIN, m3))
                .reduceLanes(VectorOperators.MIN);
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

    private static long argmaxRun(MemorySegment in, long off, long n) {
        long b = off * W;
        long body = n / (MU * L) * (MU * L);
        long block = blockFor(n);
        FloatVector best = FloatVector.fromMemorySegment(S, in, b, NO);
        IntVector from = IntVector.zero(IS); // per lane: start of the block where best first appeared
        for (long s = 0; s < body; s += block) {
            long e = Math.min(body, s + block);
            FloatVector m = maxLanes(in, b, s, e);
            if (FloatClasses.isNaN(m).anyTrue()) {
                return nanInBlock(in, off, n, s, e, true);
            }
            VectorMask<Float> up = best.lt(m);
            best = best.blend(m, up);
            from = from.blend(IntVector.broadcast(IS, s), up.cast(IS));
        }
        float v = best.reduceLanes(VectorOperators.MAX);
        return finish(in, off, n, body, v, firstInBlock(in, off, body, block, v, best, from), true);
    }

    // The mirror of argmaxRun.
    private static long argminRun(MemorySegment in, long off, long n) {
        long b = off * W;
        long body = n / (MU * L) * (MU * L);
        long block = blockFor(n);
        FloatVector best = FloatVector.fromMemorySegment(S, in, b, NO);
        IntVector from = IntVector.zero(IS);
        for (long s = 0; s < body; s += block) {
            long e = Math.min(body, s + block);
            FloatVector m = minLanes(in, b, s, e);
            if (FloatClasses.isNaN(m).anyTrue()) {
                return nanInBlock(in, off, n, s, e, false);
            }
            VectorMask<Float> up = m.lt(best);
            best = best.blend(m, up);
            from = from.blend(IntVector.broadcast(IS, s), up.cast(IS));
        }
        float v = best.reduceLanes(VectorOperators.MIN);
        return finish(in, off, n, body, v, firstInBlock(in, off, body, block, v, best, from), false);
    }

    /** The first index of v: in the earliest block recorded by a lane holding v (== matches -0.0 to 0.0). */
    private static long firstInBlock(MemorySegment in, long off, long body, long block, float v, FloatVector best,
                                     IntVector from) {
        long s = from.reduceLanes(VectorOperators.MIN, best.eq(v).cast(IS));
        return s + firstOf(in, off + s, 1, Math.min(block, body - s), v);
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
