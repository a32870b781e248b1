package dev.tessel.cpu;

import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.ReduceLoop;
import dev.tessel.spi.RowFold;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * FLOAT32 reductions (add, multiply; maximum, minimum, fmax, fmin and the arg-reductions
 * through {@link Float32Extremes}). This file is the template of its FLOAT64 twin (see
 * {@code cpu-simd/gen/kernels.py}).
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
 * <p><b>Why a naive Vector API max is slow</b> (measured about 4x slower than NumPy's). The
 * naive loop is {@code m = m.lanewise(MAX, v)} on one accumulator with {@code reduceLanes(MAX)}
 * at the end. Four things stack up:
 * <ol>
 *   <li>{@code lanewise(MAX)} must give {@link Math#max}'s answer per lane (NaN wins, -0.0
 *       below +0.0). x86's {@code vmaxps} does not (it returns its second operand when either
 *       is NaN and treats the two zeros as equal), so C2 expands each MAX into a sequence of
 *       about five dependent instructions (the JDK's x86 min/max expansion: sign mask, two
 *       blends, max, unordered compare, masked move) instead of one;</li>
 *   <li>one accumulator makes that sequence one long dependency chain: the loop runs at its
 *       latency, one vector per ~5 chained ops, far below the two loads per cycle the core
 *       can do;</li>
 *   <li>NaN handling inside the chain: the per-lane NaN rule is paid on every element
 *       although NaNs are rare; checking them apart costs far less;</li>
 *   <li>a loop that calls {@code reduceLanes(MAX)} per iteration adds a log2(lanes)-step
 *       shuffle tree of the same expanded max on the chain.</li>
 * </ol>
 * NumPy's AVX-512 loop is a plain max on several accumulators with NaN handled apart. The
 * loops of {@link Float32Extremes} do the same as far as the Vector API allows: {@code
 * m = m < v ? v : m} is one compare and one blend (a NaN in v never enters m); eight such
 * chains run side by side, over the two halves of the run at once (two memory streams);
 * NaNs are caught by a running sum (one add per vector, NaN + x is NaN) and only a NaN sum
 * pays for an exact NaN scan; lanes are reduced once at the end.
 * Measured on this machine (one thread, shared 2-core AMD EPYC with AVX-512, a best-of-5
 * scratch timing of the kernels alone, float32, 99,968 elements): naive 26.8 us; the same
 * {@code lanewise(MAX)} on four accumulators 10.3 us (the chain, item 2, is half the loss);
 * compare-blend on four accumulators with a NaN test and mask OR per vector (the previous
 * loop here) 4.5 us; eight accumulators, NaN test per vector 3.8 us; eight accumulators,
 * NaN by running sum 2.4 us; NumPy's {@code a.max()} 3.9 us (the bench report's peer).
 * ({@code bench}'s FoldBench keeps the naive loop as a JMH benchmark.) Through the public API
 * ({@code ./tessel bench}, one thread, same run as NumPy) max float32 went from 0.90x / 0.70x /
 * 0.89x NumPy at 1e5 / 1e6 / 1e7 to 1.73x / 0.79x / 1.22x. At 1e6 (4 MB, in L3) the loss was
 * not the bandwidth: RunFold folds a long run in 65536-element blocks, and each block paid for
 * a vector boxed on its way out of the non-inlined loop (NaN test and lane reduction then ran
 * in the Vector API's Java fallbacks) and for up to 127 scalar Math.max steps at its head and
 * tail; both are gone ({@code Float32Extremes.maxRun}), which alone moved 1e6 by about 3%. The
 * body loop's shape moved it by 12% (byte offsets, as now: 0.0366 ns/elem at 1e6 against 0.0416
 * before, but 6-12% slower at 1e5 and 1e7 than the element-index loop; see
 * {@code Float32Extremes.maxBody}); 2 MiB pages for the 4 MB array, one or four streams, 16
 * vectors per trip and other block lengths measured no better.
 */
final class Float32Folds {
    private static final VectorSpecies<Float> S = Lanes.F32;
    private static final int L = S.length();
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
                    out.setAtIndex(E, o, Math.max(out.getAtIndex(E, o), Float32Extremes.extreme(in, off, st, n, true)));
                }
            };
            case "minimum" -> (in, off, st, n, out, o) -> {
                if (n > 0) {
                    out.setAtIndex(E, o, Math.min(out.getAtIndex(E, o), Float32Extremes.extreme(in, off, st, n, false)));
                }
            };
            case "fmax" -> (in, off, st, n, out, o) -> {
                if (n > 0) {
                    out.setAtIndex(E, o, Float32Extremes.fmax(out.getAtIndex(E, o), Float32Extremes.ignoringNaN(in, off, st, n, true)));
                }
            };
            case "fmin" -> (in, off, st, n, out, o) -> {
                if (n > 0) {
                    out.setAtIndex(E, o, Float32Extremes.fmin(out.getAtIndex(E, o), Float32Extremes.ignoringNaN(in, off, st, n, false)));
                }
            };
            default -> null;
        };
    }

    static ArgLoop arg(String which) {
        return switch (which) {
            case "argmax" -> (in, off, st, n) -> Float32Extremes.arg(in, off, st, n, true);
            case "argmin" -> (in, off, st, n) -> Float32Extremes.arg(in, off, st, n, false);
            default -> null;
        };
    }

    /** The row fold of {@code add} (sums down the columns of a C-order matrix), else null. */
    static RowFold rows(String ufunc) {
        return ufunc.equals("add") ? Float32Folds::rowSum : null;
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

    // ---- sums down columns ----

    /**
     * {@link RowFold} for add: each column's rows are added in order, as row-by-row binary adds
     * would (same bits), but {@link #ROWS} rows at a time into a register, so the accumulators
     * are read and written once per ROWS rows instead of once per row (the row-by-row loop
     * moved three elements per element summed and measured 0.5x NumPy on 1000 x 1000).
     */
    private static void rowSum(MemorySegment in, long off, long rowStride, long rows, long n, MemorySegment out, long o) {
        long r = 0;
        for (; r + ROWS <= rows; r += ROWS) {
            addRows(in, off + r * rowStride, rowStride, n, out, o);
        }
        for (; r < rows; r++) {
            addRow(in, off + r * rowStride, n, out, o);
        }
    }

    /** Rows folded per pass over the accumulators: eight loads per load and store of out. */
    private static final int ROWS = 8;

    // Eight rows per pass: acc = (((out + row0) + row1) + ...) + row7 per column vector. The
    // iterations are independent, so the out-of-order core overlaps their add chains.
    private static void addRows(MemorySegment in, long off, long rs, long n, MemorySegment out, long o) {
        long b = off * W;
        long d = rs * W;
        long ob = o * W;
        long j = 0;
        for (long end = n - L; j <= end; j += L) {
            long at = b + j * W;
            FloatVector a = FloatVector.fromMemorySegment(S, out, ob + j * W, NO);
            a = a.add(FloatVector.fromMemorySegment(S, in, at, NO));
            a = a.add(FloatVector.fromMemorySegment(S, in, at + d, NO));
            a = a.add(FloatVector.fromMemorySegment(S, in, at + 2 * d, NO));
            a = a.add(FloatVector.fromMemorySegment(S, in, at + 3 * d, NO));
            a = a.add(FloatVector.fromMemorySegment(S, in, at + 4 * d, NO));
            a = a.add(FloatVector.fromMemorySegment(S, in, at + 5 * d, NO));
            a = a.add(FloatVector.fromMemorySegment(S, in, at + 6 * d, NO));
            a = a.add(FloatVector.fromMemorySegment(S, in, at + 7 * d, NO));
            a.intoMemorySegment(out, ob + j * W, NO);
        }
        for (; j < n; j++) {
            float a = out.getAtIndex(E, o + j);
            for (int k = 0; k < ROWS; k++) {
                a += in.getAtIndex(E, off + k * rs + j);
            }
            out.setAtIndex(E, o + j, a);
        }
    }

    private static void addRow(MemorySegment in, long off, long n, MemorySegment out, long o) {
        long j = 0;
        for (long end = n - L; j <= end; j += L) {
            FloatVector.fromMemorySegment(S, out, (o + j) * W, NO)
                    .add(FloatVector.fromMemorySegment(S, in, (off + j) * W, NO))
                    .intoMemorySegment(out, (o + j) * W, NO);
        }
        for (; j < n; j++) {
            out.setAtIndex(E, o + j, out.getAtIndex(E, o + j) + in.getAtIndex(E, off + j));
        }
    }
}
