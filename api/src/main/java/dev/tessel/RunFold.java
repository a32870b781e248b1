package dev.tessel;

import dev.tessel.spi.ReduceLoop;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The inner strategy of {@link Reduction}: each output folds its own runs of the input (the
 * reduced axes, merged where they walk as one) with the backend's {@link ReduceLoop}; outputs
 * are spread over the engine's ranges. A few outputs over one long run instead cut it into
 * blocks whose size depends only on its length, fold the blocks in parallel and combine the
 * partial results pairwise in a fixed order, so the result never depends on the split.
 */
final class RunFold {
    private static final long MIN_BLOCK = 8192;
    /**
     * Smallest block of a fold whose result cannot depend on the grouping (maximum, minimum,
     * integer sums...): larger, as each block costs a kernel call and a partial (13 blocks of
     * a 1e5-element float32 max measured about 10% slower than one call), and the bits cannot
     * change with it.
     */
    private static final long EXACT_MIN_BLOCK = 1L << 16;

    private final NdArray x;
    private final NdArray res;
    private final Double init;
    private final Double identity;
    private final Dispatch d;
    private final ReduceLoop fold;
    private final boolean exact; // grouping cannot change the result
    private final StridedLoop op;
    private final long[] kShape;
    private final long[] kStrides;
    private final long[] rShape; // merged reduced axes, outermost first
    private final long[] rStrides;

    RunFold(Ufunc u, NdArray x, boolean[] reduced, NdArray res, Double init, Dispatch d) {
        this.x = x;
        this.res = res;
        this.init = init;
        this.identity = u.identityOrNull();
        this.d = d;
        DType ct = res.dtype;
        this.fold = d.reduceLoop(u.name(), ct);
        this.exact = !ct.isFloating() || switch (u.name()) {
            case "maximum", "minimum", "fmax", "fmin" -> true;
            default -> false;
        };
        this.op = d.loop(u.name(), new DType[] {ct, ct, ct});
        List<long[]> r = new ArrayList<>();
        List<long[]> k = new ArrayList<>();
        for (int i = 0; i < x.ndim(); i++) {
            (reduced[i] ? r : k).add(new long[] {x.shape[i], x.strides[i]});
        }
        kShape = column(k, 0);
        kStrides = column(k, 1);
        long[][] merged = mergeRuns(r);
        rShape = merged[0];
        rStrides = merged[1];
    }

    /** Drops length-1 axes, orders by decreasing |stride| and merges axes that walk as one. */
    private static long[][] mergeRuns(List<long[]> axes) {
        List<long[]> a = new ArrayList<>(axes.stream().filter(p -> p[0] != 1).toList());
        a.sort((p, q) -> Long.compare(Math.abs(q[1]), Math.abs(p[1])));
        List<long[]> m = new ArrayList<>();
        for (long[] p : a) {
            long[] last = m.isEmpty() ? null : m.get(m.size() - 1);
            if (last != null && last[1] == p[1] * p[0]) {
                m.set(m.size() - 1, new long[] {last[0] * p[0], p[1]});
            } else {
                m.add(p.clone());
            }
        }
        if (m.isEmpty()) {
            m.add(new long[] {1, 0});
        }
        return new long[][] {column(m, 0), column(m, 1)};
    }

    /** Entry {@code c} of every pair: a loop, not a stream, as this runs on every reduction call. */
    private static long[] column(List<long[]> pairs, int c) {
        long[] out = new long[pairs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = pairs.get(i)[c];
        }
        return out;
    }

    void run() {
        long nOut = res.size();
        long run = rShape[rShape.length - 1];
        if (rShape.length == 1 && run >= 2 * (exact ? EXACT_MIN_BLOCK : MIN_BLOCK) && nOut < 16) {
            for (long o = 0; o < nOut; o++) {
                foldBlocked(o, base(o), run);
            }
            return;
        }
        d.forEachRange(nOut, 1, (s, e) -> {
            for (long o = s; o < e; o++) {
                foldOne(o, base(o));
            }
        });
    }

    private long base(long o) {
        long off = x.offset;
        for (int i = kShape.length - 1; i >= 0; i--) {
            off += (o % kShape[i]) * kStrides[i];
            o /= kShape[i];
        }
        return off;
    }

    private void foldOne(long o, long base) {
        MemorySegment xs = x.segment();
        MemorySegment rs = res.segment();
        int nd = rShape.length;
        long len = rShape[nd - 1];
        long step = rStrides[nd - 1];
        long outer = 1;
        for (int i = 0; i < nd - 1; i++) {
            outer *= rShape[i];
        }
        for (long m = 0; m < outer; m++) {
            long off = base;
            long rem = m;
            for (int i = nd - 2; i >= 0; i--) {
                off += (rem % rShape[i]) * rStrides[i];
                rem /= rShape[i];
            }
            if (m == 0 && init == null) {
                x.dtype.copyElement(xs, off, rs, o);
                fold.run(xs, off + step, step, len - 1, rs, o);
            } else {
                if (m == 0) {
                    res.dtype.setDouble(rs, o, init);
                }
                fold.run(xs, off, step, len, rs, o);
            }
        }
    }

    /** One long run: fixed blocks (size from the length alone), folded in parallel, combined pairwise. */
    private void foldBlocked(long o, long base, long len) {
        long block = Math.max(exact ? EXACT_MIN_BLOCK : MIN_BLOCK, (((len + 63) / 64) + 127) / 128 * 128);
        long nb = (len + block - 1) / block;
        long step = rStrides[0];
        NdArray partial = NdArray.allocate(res.dtype, nb);
        MemorySegment ps = partial.segment();
        MemorySegment xs = x.segment();
        d.forEachRange(nb, 1, (s, e) -> {
            for (long b = s; b < e; b++) {
                long start = b * block;
                long n = Math.min(block, len - start);
                long off = base + start * step;
                if (identity != null) {
                    res.dtype.setDouble(ps, b, identity);
                    fold.run(xs, off, step, n, ps, b);
                } else {
                    x.dtype.copyElement(xs, off, ps, b);
                    fold.run(xs, off + step, step, n - 1, ps, b);
                }
            }
        });
        MemorySegment[] pp = {ps, ps, ps};
        long[] zero = {0, 0, 0};
        for (long width = 1; width < nb; width *= 2) {
            for (long i = 0; i + width < nb; i += 2 * width) {
                op.run(pp, new long[] {i, i + width, i}, zero, 1);
            }
        }
        MemorySegment rs = res.segment();
        if (init == null) {
            res.dtype.copyElement(ps, 0, rs, o);
        } else {
            res.dtype.setDouble(rs, o, init);
            op.run(new MemorySegment[] {rs, ps, rs}, new long[] {o, 0, o}, zero, 1);
        }
    }
}
