package dev.tessel.cpu;

import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.ReduceLoop;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * FLOAT32 reductions (add, multiply, maximum, minimum) and arg-reductions. This file is the
 * template of its FLOAT64 twin (see {@code cpu-simd/gen/kernels.py}).
 *
 * <p><b>Sums and products</b> are pairwise: a run longer than {@link #BLOCK} is split in two
 * at a multiple of {@code U * L} and each half folded recursively; a leaf folds into
 * {@code U} vector accumulators (32 serial adds per lane at most), combines them as
 * {@code (a0+a1)+(a2+a3)} and folds the lanes as a fixed tree. The error therefore grows as
 * O(log n) like NumPy's, and the result depends on n only: the strided path replays the very
 * same lane order with a scalar array, so a strided run gives the same bits as a contiguous
 * one, and so does any way the scheduler splits the work above these loops. (Lane folds never
 * use {@code reduceLanes(ADD)}: its order is unspecified and may differ between the
 * intrinsic and the Java fallback.)
 *
 * <p><b>Why a naive Vector API max is slow</b> (measured about 4x slower than NumPy's): a
 * loop {@code m = m.lanewise(MAX, v)} must give Java's {@link Math#max} semantics per lane
 * (NaN wins, -0.0 below +0.0), which x86's {@code vmaxps} does not (it returns the second
 * operand when either is NaN and treats the zeros as equal), so C2 expands every MAX into a
 * compare/blend/max/compare/blend sequence of about five dependent instructions; with one
 * accumulator the loop runs at that sequence's latency per vector, and a loop that also calls
 * {@code reduceLanes(MAX)} per iteration adds a log2(lanes)-step shuffle tree of the same
 * expanded max. NumPy's loop is a plain {@code maxps} on several accumulators with NaN
 * handled apart. The loops here do the same as far as the Vector API allows:
 * {@code m = v > m ? v : m} is one compare and one blend, NaNs are collected in a separate
 * mask (one unordered compare and an OR), four accumulators break the dependency chain, and
 * lanes are reduced once at the end. In a JMH smoke run (FoldBench, 100,000 float32, one
 * thread, a shared machine, indicative only) the naive loop took 24 us, this one 3.4 us and
 * NumPy's {@code a.max()} 3.8 us.
 *
 * <p>Arg-reductions first find the extreme value (or learn that a NaN is present), then scan
 * for the first element equal to it (or the first NaN), as NumPy's "first occurrence" rule
 * asks; the scan stops early, so it reads on average half the run again.
 */
final class Float32Folds {
    private static final VectorSpecies<Float> S = Lanes.F32;
    private static final int L = S.length();
    /** Lane indices for the one-pass arg-reductions: same lane count as {@link #S}. */
    private static final VectorSpecies<Integer> IS = S.withLanes(int.class);
    private static final long W = Float.BYTES;
    private static final ValueLayout.OfFloat E = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ByteOrder NO = ByteOrder.nativeOrder();
    /** Vector accumulators: four independent add chains cover the FP add latency. */
    private static final int U = 4;
    /** Leaf size of the pairwise tree: 32 serial adds per lane. */
    private static final long BLOCK = 32L * U * L;

    private Float32Folds() {
    }

    static ReduceLoop reduce(String ufunc) {
        return switch (ufunc) {
            case "add" -> (in, off, st, n, out, o) -> out.setAtIndex(E, o, out.getAtIndex(E, o) + tree(in, off, st, n, false));
            case "multiply" -> (in, off, st, n, out, o) -> out.setAtIndex(E, o, out.getAtIndex(E, o) * tree(in, off, st, n, true));
            case "maximum" -> (in, off, st, n, out, o) -> {
                if (n > 0) {
                    out.setAtIndex(E, o, Math.max(out.getAtIndex(E, o), extreme(in, off, st, n, true)));
                }
            };
            case "minimum" -> (in, off, st, n, out, o) -> {
                if (n > 0) {
                    out.setAtIndex(E, o, Math.min(out.getAtIndex(E, o), extreme(in, off, st, n, false)));
                }
            };
            case "fmax" -> (in, off, st, n, out, o) -> {
                if (n > 0) {
                    out.setAtIndex(E, o, fmax(out.getAtIndex(E, o), ignoringNaN(in, off, st, n, true)));
                }
            };
            case "fmin" -> (in, off, st, n, out, o) -> {
                if (n > 0) {
                    out.setAtIndex(E, o, fmin(out.getAtIndex(E, o), ignoringNaN(in, off, st, n, false)));
                }
            };
            default -> null;
        };
    }

    static ArgLoop arg(String which) {
        return switch (which) {
            case "argmax" -> (in, off, st, n) -> onePass(st, n) ? argmaxRun(in, off, n)
                    : firstOf(in, off, st, n, extreme(in, off, st, n, true));
            case "argmin" -> (in, off, st, n) -> onePass(st, n) ? argminRun(in, off, n)
                    : firstOf(in, off, st, n, extreme(in, off, st, n, false));
            default -> null;
        };
    }

    // ---- pairwise sum / product ----

    private static float tree(MemorySegment in, long off, long stride, long n, boolean mul) {
        if (n <= BLOCK) {
            return stride == 1 ? leaf(in, off, n, mul) : leafStrided(in, off, stride, n, mul);
        }
        long half = n / 2 / (U * L) * (U * L);
        float a = tree(in, off, stride, half, mul);
        float b = tree(in, off + half * stride, stride, n - half, mul);
        return mul ? a * b : a + b;
    }

    private static float leaf(MemorySegment in, long off, long n, boolean mul) {
        return mul ? productLeaf(in, off, n) : sumLeaf(in, off, n);
    }

    // Unrolled 4x (U accumulators); the lane order is replayed exactly by leafStrided.
    private static float sumLeaf(MemorySegment in, long off, long n) {
        FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        long b = off * W;
        long i = 0;
        for (long end = n - U * L; i <= end; i += U * L) {
            a0 = a0.add(FloatVector.fromMemorySegment(S, in, b + i * W, NO));
            a1 = a1.add(FloatVector.fromMemorySegment(S, in, b + (i + L) * W, NO));
            a2 = a2.add(FloatVector.fromMemorySegment(S, in, b + (i + 2L * L) * W, NO));
            a3 = a3.add(FloatVector.fromMemorySegment(S, in, b + (i + 3L * L) * W, NO));
        }
        for (long end = n - L; i <= end; i += L) {
            a0 = a0.add(FloatVector.fromMemorySegment(S, in, b + i * W, NO));
        }
        float[] lanes = new float[L];
        a0.add(a1).add(a2.add(a3)).intoArray(lanes, 0);
        float s = foldLanes(lanes, false);
        for (; i < n; i++) {
            s += in.getAtIndex(E, off + i);
        }
        return s;
    }

    private static float productLeaf(MemorySegment in, long off, long n) {
        FloatVector a0 = FloatVector.broadcast(S, 1), a1 = a0, a2 = a0, a3 = a0;
        long b = off * W;
        long i = 0;
        for (long end = n - U * L; i <= end; i += U * L) {
            a0 = a0.mul(FloatVector.fromMemorySegment(S, in, b + i * W, NO));
            a1 = a1.mul(FloatVector.fromMemorySegment(S, in, b + (i + L) * W, NO));
            a2 = a2.mul(FloatVector.fromMemorySegment(S, in, b + (i + 2L * L) * W, NO));
            a3 = a3.mul(FloatVector.fromMemorySegment(S, in, b + (i + 3L * L) * W, NO));
        }
        for (long end = n - L; i <= end; i += L) {
            a0 = a0.mul(FloatVector.fromMemorySegment(S, in, b + i * W, NO));
        }
        float[] lanes = new float[L];
        a0.mul(a1).mul(a2.mul(a3)).intoArray(lanes, 0);
        float s = foldLanes(lanes, true);
        for (; i < n; i++) {
            s *= in.getAtIndex(E, off + i);
        }
        return s;
    }

    /** The scalar replay of sumLeaf/productLeaf for a strided run: same lanes, same order. */
    private static float leafStrided(MemorySegment in, long off, long stride, long n, boolean mul) {
        float[] acc = new float[U * L];
        java.util.Arrays.fill(acc, mul ? 1 : 0);
        long i = 0;
        for (; i + U * L <= n; i += U * L) {
            for (int k = 0; k < U * L; k++) {
                float x = in.getAtIndex(E, off + (i + k) * stride);
                acc[k] = mul ? acc[k] * x : acc[k] + x;
            }
        }
        for (; i + L <= n; i += L) {
            for (int k = 0; k < L; k++) {
                float x = in.getAtIndex(E, off + (i + k) * stride);
                acc[k] = mul ? acc[k] * x : acc[k] + x;
            }
        }
        float[] lanes = new float[L];
        for (int k = 0; k < L; k++) {
            lanes[k] = mul ? (acc[k] * acc[L + k]) * (acc[2 * L + k] * acc[3 * L + k])
                    : (acc[k] + acc[L + k]) + (acc[2 * L + k] + acc[3 * L + k]);
        }
        float s = foldLanes(lanes, mul);
        for (; i < n; i++) {
            float x = in.getAtIndex(E, off + i * stride);
            s = mul ? s * x : s + x;
        }
        return s;
    }

    /** Folds lanes as a fixed halving tree, so the order never depends on the platform. */
    private static float foldLanes(float[] lanes, boolean mul) {
        for (int w = lanes.length / 2; w >= 1; w /= 2) {
            for (int k = 0; k < w; k++) {
                lanes[k] = mul ? lanes[k] * lanes[k + w] : lanes[k] + lanes[k + w];
            }
        }
        return lanes[0];
    }

    // ---- maximum / minimum ----

    /** The largest (or smallest) element, NaN if any element is NaN. n > 0. */
    private static float extreme(MemorySegment in, long off, long stride, long n, boolean max) {
        long i = 0;
        float m = in.getAtIndex(E, off);
        if (stride == 1 && n >= U * L) {
            i = n / (U * L) * (U * L);
            m = max ? maxBody(in, off * W, i) : minBody(in, off * W, i);
        }
        for (; i < n; i++) {
            float x = in.getAtIndex(E, off + i * stride);
            m = max ? Math.max(m, x) : Math.min(m, x);
        }
        return m;
    }

    // Unrolled 4x: four accumulators; m = v > m ? v : m is one compare and one blend.
    private static float maxBody(MemorySegment in, long b, long n) {
        FloatVector m0 = FloatVector.fromMemorySegment(S, in, b, NO), m1 = m0, m2 = m0, m3 = m0;
        VectorMask<Float> nan = S.maskAll(false);
        for (long i = 0; i < n; i += U * L) {
            FloatVector v0 = FloatVector.fromMemorySegment(S, in, b + i * W, NO);
            FloatVector v1 = FloatVector.fromMemorySegment(S, in, b + (i + L) * W, NO);
            FloatVector v2 = FloatVector.fromMemorySegment(S, in, b + (i + 2L * L) * W, NO);
            FloatVector v3 = FloatVector.fromMemorySegment(S, in, b + (i + 3L * L) * W, NO);
            nan = nan.or(v0.test(VectorOperators.IS_NAN)).or(v1.test(VectorOperators.IS_NAN))
                    .or(v2.test(VectorOperators.IS_NAN)).or(v3.test(VectorOperators.IS_NAN));
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

    // Unrolled 4x, the mirror of maxBody.
    private static float minBody(MemorySegment in, long b, long n) {
        FloatVector m0 = FloatVector.fromMemorySegment(S, in, b, NO), m1 = m0, m2 = m0, m3 = m0;
        VectorMask<Float> nan = S.maskAll(false);
        for (long i = 0; i < n; i += U * L) {
            FloatVector v0 = FloatVector.fromMemorySegment(S, in, b + i * W, NO);
            FloatVector v1 = FloatVector.fromMemorySegment(S, in, b + (i + L) * W, NO);
            FloatVector v2 = FloatVector.fromMemorySegment(S, in, b + (i + 2L * L) * W, NO);
            FloatVector v3 = FloatVector.fromMemorySegment(S, in, b + (i + 3L * L) * W, NO);
            nan = nan.or(v0.test(VectorOperators.IS_NAN)).or(v1.test(VectorOperators.IS_NAN))
                    .or(v2.test(VectorOperators.IS_NAN)).or(v3.test(VectorOperators.IS_NAN));
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

    private static float fmax(float a, float b) {
        return Float.isNaN(a) ? b : Float.isNaN(b) ? a : Math.max(a, b);
    }

    private static float fmin(float a, float b) {
        return Float.isNaN(a) ? b : Float.isNaN(b) ? a : Math.min(a, b);
    }

    /**
     * The largest (or smallest) non-NaN element, NaN if all are NaN. The compare-and-blend step
     * skips NaNs by itself (a comparison with NaN is false), so the accumulators start at the
     * infinity that loses every comparison; only when that infinity survives is the run
     * rescanned to tell "all NaN" from "all -inf".
     */
    private static float ignoringNaN(MemorySegment in, long off, long stride, long n, boolean max) {
        float none = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        float m = none;
        long i = 0;
        if (stride == 1 && n >= U * L) {
            i = n / (U * L) * (U * L);
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

    // Unrolled 4x: four compare-and-blend accumulators; n is a multiple of U * L. Separate
    // from its fmin mirror: a mask chosen by a condition inside the loop would be boxed.
    private static float fmaxBody(MemorySegment in, long b, long n) {
        FloatVector m0 = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY), m1 = m0, m2 = m0, m3 = m0;
        for (long i = 0; i < n; i += U * L) {
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
        for (long i = 0; i < n; i += U * L) {
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

    // ---- one-pass arg-reductions ----

    /** Contiguous runs long enough to fill both accumulators, with indices that fit a lane. */
    private static boolean onePass(long stride, long n) {
        return stride == 1 && n >= 2L * L && n <= Integer.MAX_VALUE;
    }

    // Reads the run once (the two-pass max-then-find read it twice, measured 0.57x NumPy at 1e6).
    // Per lane: the extreme so far and the index where it first appeared (a strict compare keeps
    // the earlier of equal values); two accumulators hide the compare-blend latency. The first
    // index among lanes holding the overall extreme is the first occurrence. Any NaN defers to
    // the first-NaN scan, as NaN wins.
    private static long argmaxRun(MemorySegment in, long off, long n) {
        long b = off * W;
        FloatVector best0 = FloatVector.fromMemorySegment(S, in, b, NO);
        FloatVector best1 = FloatVector.fromMemorySegment(S, in, b + (long) L * W, NO);
        IntVector idx0 = IntVector.zero(IS).addIndex(1);
        IntVector idx1 = idx0.add(IntVector.broadcast(IS, (long) L));
        IntVector at0 = idx0;
        IntVector at1 = idx1;
        IntVector step = IntVector.broadcast(IS, 2L * L);
        VectorMask<Float> nan = best0.test(VectorOperators.IS_NAN).or(best1.test(VectorOperators.IS_NAN));
        long i = 2L * L;
        for (long end = n - 2L * L; i <= end; i += 2L * L) {
            FloatVector v0 = FloatVector.fromMemorySegment(S, in, b + i * W, NO);
            FloatVector v1 = FloatVector.fromMemorySegment(S, in, b + (i + L) * W, NO);
            idx0 = idx0.add(step);
            idx1 = idx1.add(step);
            VectorMask<Float> g0 = best0.lt(v0);
            VectorMask<Float> g1 = best1.lt(v1);
            best0 = best0.blend(v0, g0);
            best1 = best1.blend(v1, g1);
            at0 = at0.blend(idx0, g0.cast(IS));
            at1 = at1.blend(idx1, g1.cast(IS));
            nan = nan.or(v0.test(VectorOperators.IS_NAN)).or(v1.test(VectorOperators.IS_NAN));
        }
        if (nan.anyTrue()) {
            return firstOf(in, off, 1, n, Float.NaN);
        }
        float m = Math.max(best0.reduceLanes(VectorOperators.MAX), best1.reduceLanes(VectorOperators.MAX));
        return finish(in, off, n, i, m, firstLane(best0, at0, m, best1, at1), true);
    }

    // The mirror of argmaxRun.
    private static long argminRun(MemorySegment in, long off, long n) {
        long b = off * W;
        FloatVector best0 = FloatVector.fromMemorySegment(S, in, b, NO);
        FloatVector best1 = FloatVector.fromMemorySegment(S, in, b + (long) L * W, NO);
        IntVector idx0 = IntVector.zero(IS).addIndex(1);
        IntVector idx1 = idx0.add(IntVector.broadcast(IS, (long) L));
        IntVector at0 = idx0;
        IntVector at1 = idx1;
        IntVector step = IntVector.broadcast(IS, 2L * L);
        VectorMask<Float> nan = best0.test(VectorOperators.IS_NAN).or(best1.test(VectorOperators.IS_NAN));
        long i = 2L * L;
        for (long end = n - 2L * L; i <= end; i += 2L * L) {
            FloatVector v0 = FloatVector.fromMemorySegment(S, in, b + i * W, NO);
            FloatVector v1 = FloatVector.fromMemorySegment(S, in, b + (i + L) * W, NO);
            idx0 = idx0.add(step);
            idx1 = idx1.add(step);
            VectorMask<Float> g0 = v0.lt(best0);
            VectorMask<Float> g1 = v1.lt(best1);
            best0 = best0.blend(v0, g0);
            best1 = best1.blend(v1, g1);
            at0 = at0.blend(idx0, g0.cast(IS));
            at1 = at1.blend(idx1, g1.cast(IS));
            nan = nan.or(v0.test(VectorOperators.IS_NAN)).or(v1.test(VectorOperators.IS_NAN));
        }
        if (nan.anyTrue()) {
            return firstOf(in, off, 1, n, Float.NaN);
        }
        float m = Math.min(best0.reduceLanes(VectorOperators.MIN), best1.reduceLanes(VectorOperators.MIN));
        return finish(in, off, n, i, m, firstLane(best0, at0, m, best1, at1), false);
    }

    /** The smallest index held by a lane whose value equals {@code m} (== also matches -0.0 to 0.0). */
    private static long firstLane(FloatVector best0, IntVector at0, float m, FloatVector best1, IntVector at1) {
        long k0 = at0.reduceLanes(VectorOperators.MIN, best0.eq(m).cast(IS));
        long k1 = at1.reduceLanes(VectorOperators.MIN, best1.eq(m).cast(IS));
        return Math.min(k0, k1);
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
    private static long firstOf(MemorySegment in, long off, long stride, long n, float v) {
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

    /** The first NaN's index, or where the vector scan stopped without a hit. */
    private static long nanScan(MemorySegment in, long b, long n) {
        long i = 0;
        for (long end = n - L; i <= end; i += L) {
            VectorMask<Float> hit = FloatVector.fromMemorySegment(S, in, b + i * W, NO).test(VectorOperators.IS_NAN);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        return i;
    }
}
