package dev.tessel;

import dev.tessel.spi.Layout;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.ReduceLoop;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ufunc.reduce}: over one axis, several, or all; with keepdims, initial, where and out.
 *
 * <p>Two strategies, chosen by where the input's fastest-moving axis is. When it is reduced,
 * each output folds its own runs with the backend's {@link ReduceLoop} (pairwise for float
 * add), outputs spread over the engine's ranges; a long single run is cut into blocks whose
 * size depends only on its length, folded in parallel and combined in a fixed pairwise order,
 * so the result never depends on how the engine split the work. When the fastest axis is
 * kept, whole slices are folded into the output with the binary loop, as NumPy does, so
 * memory streams forward instead of striding once per output.
 *
 * <p>The result starts from {@code initial}, else the ufunc's identity (so a sum of {@code
 * [-0.0]} is {@code 0.0}, as NumPy's), else the first element; an empty reduction without
 * either fails as NumPy's does. A {@code where} mask replaces masked-out elements by that
 * starting value.
 */
final class Reduction {
    private static final long MIN_BLOCK = 8192;

    private Reduction() {
    }

    static NdArray reduce(Ufunc u, NdArray a, int[] axes, DType dtype, NdArray out, boolean keepdims, Double initial,
                          NdArray where) {
        DType lt = ReduceTypes.of(u, a.dtype, dtype);
        DType ct = LoopResolution.computeType(lt);
        boolean[] reduced = reducedAxes(u, a.ndim(), axes);
        long[] kept = keptShape(a.shape, reduced, false);
        Double init = initial != null ? initial : u.identityOrNull();
        NdArray x = a;
        if (where != null) {
            x = masked(u, a, where, init, ct);
        } else if (x.dtype != ct) {
            x = x.astype(ct);
        }
        NdArray res = NdArray.allocate(ct, kept);
        if (res.size() > 0) {
            if (reducedSize(a.shape, reduced) == 0) {
                if (init == null) {
                    throw new IllegalArgumentException("zero-size array to reduction operation " + u.name()
                            + " which has no identity");
                }
                res.fill(init);
            } else {
                compute(u, x, reduced, res, init);
            }
        }
        NdArray result = res.dtype == lt ? res : res.astype(lt);
        if (keepdims) {
            result = result.reshape(keptShape(a.shape, reduced, true));
        }
        return toOut(u.name() + ".reduce", result, out);
    }

    static boolean[] reducedAxes(Ufunc u, int ndim, int[] axes) {
        boolean[] r = new boolean[ndim];
        if (axes == null) {
            Arrays.fill(r, true);
            if (ndim > 1 && !u.isReorderable()) {
                throw notReorderable(u);
            }
            return r;
        }
        int[] norm = Shape.axes(axes, ndim);
        if (norm.length > 1 && !u.isReorderable()) {
            throw notReorderable(u);
        }
        for (int ax : norm) {
            r[ax] = true;
        }
        return r;
    }

    private static IllegalArgumentException notReorderable(Ufunc u) {
        return new IllegalArgumentException("reduction operation '" + u.name()
                + "' is not reorderable, so at most one axis may be specified");
    }

    static long[] keptShape(long[] shape, boolean[] reduced, boolean keepdims) {
        List<Long> k = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) {
            if (!reduced[i]) {
                k.add(shape[i]);
            } else if (keepdims) {
                k.add(1L);
            }
        }
        return k.stream().mapToLong(Long::longValue).toArray();
    }

    static long reducedSize(long[] shape, boolean[] reduced) {
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (reduced[i]) {
                n *= shape[i];
            }
        }
        return n;
    }

    /** {@code where(mask, a, init)} in the compute dtype: masked-out elements cannot change the result. */
    private static NdArray masked(Ufunc u, NdArray a, NdArray where, Double init, DType ct) {
        if (init == null) {
            throw new IllegalArgumentException("reduction operation '" + u.name()
                    + "' does not have an identity, so to use a where mask one has to specify 'initial'");
        }
        NdArray fillValue = Nd.scalar(init, ct);
        NdArray src = a.dtype == ct ? a : a.astype(ct);
        NdArray full = src.broadcastTo(Shape.broadcast(src.shape, where.shape));
        if (!Arrays.equals(full.shape, a.shape)) {
            throw new ShapeException("where mask of shape " + Shape.format(where.shape)
                    + " does not broadcast to the reduced array's shape " + Shape.format(a.shape));
        }
        return UfuncCall.execute(Ufuncs.WHERE, new Object[] {where, src, fillValue}, null, null, ct, Casting.UNSAFE)[0];
    }

    /** Writes {@code result} into {@code out} when given (same shape, same_kind cast), else returns it. */
    static NdArray toOut(String op, NdArray result, NdArray out) {
        if (out == null) {
            return result;
        }
        if (!Arrays.equals(out.shape, result.shape)) {
            throw new ShapeException(op + ": output parameter has shape " + Shape.format(out.shape)
                    + " but the result has shape " + Shape.format(result.shape));
        }
        if (!DType.canCast(result.dtype, out.dtype, Casting.SAME_KIND)) {
            throw new CastingException("Cannot cast " + op + " output from dtype('" + result.dtype + "') to dtype('"
                    + out.dtype + "') with casting rule 'same_kind'");
        }
        out.assign(result);
        return out;
    }

    private static void compute(Ufunc u, NdArray x, boolean[] reduced, NdArray res, Double init) {
        DType ct = res.dtype;
        Dispatch d = Dispatch.of(u.name() + ".reduce", OpKind.REDUCTION, ct, x.size(), x.size() * ct.itemSize());
        int fastest = fastestAxis(x);
        if (fastest < 0 || reduced[fastest]) {
            new InnerFold(u, x, reduced, res, init, d).run();
        } else {
            foldSlices(u, x, reduced, res, init, d);
        }
    }

    /** The axis (of length > 1) with the smallest stride, or -1 when there is none. */
    private static int fastestAxis(NdArray x) {
        int best = -1;
        for (int i = 0; i < x.ndim(); i++) {
            if (x.shape[i] > 1 && (best < 0 || Math.abs(x.strides[i]) < Math.abs(x.strides[best]))) {
                best = i;
            }
        }
        return best;
    }

    /** Outer strategy: res = op(res, x[r]) for every index r of the reduced axes, slice by slice. */
    private static void foldSlices(Ufunc u, NdArray x, boolean[] reduced, NdArray res, Double init, Dispatch d) {
        DType ct = res.dtype;
        StridedLoop op = d.loop(u.name(), new DType[] {ct, ct, ct});
        int nd = x.ndim();
        List<Integer> rAxes = new ArrayList<>();
        List<Integer> kAxes = new ArrayList<>();
        for (int i = 0; i < nd; i++) {
            (reduced[i] ? rAxes : kAxes).add(i);
        }
        long[] kStrides = kAxes.stream().mapToLong(i -> x.strides[i]).toArray();
        long total = reducedSize(x.shape, reduced);
        long[] idx = new long[rAxes.size()];
        for (long r = 0; r < total; r++) {
            long off = x.offset;
            for (int j = 0; j < idx.length; j++) {
                off += idx[j] * x.strides[rAxes.get(j)];
            }
            NdArray slice = x.view(res.shape, kStrides, off, false);
            if (r == 0 && init == null) {
                Assign.copy(slice, res);
            } else {
                if (r == 0) {
                    res.fill(init);
                }
                Layout layout = UfuncCall.layoutOf(new NdArray[] {res, slice, res}, res.shape, 2);
                d.forEachRange(layout.size(), UfuncCall.GRAIN, (s, e) -> layout.run(op, s, e));
            }
            for (int j = idx.length - 1; j >= 0; j--) {
                if (++idx[j] < x.shape[rAxes.get(j)]) {
                    break;
                }
                idx[j] = 0;
            }
        }
    }

    /** Inner strategy: each output folds its own (merged) runs with the reduce loop. */
    private static final class InnerFold {
        private final NdArray x;
        private final NdArray res;
        private final Double init;
        private final Double identity;
        private final Dispatch d;
        private final ReduceLoop fold;
        private final StridedLoop op;
        private final long[] kShape;
        private final long[] kStrides;
        private final long[] rShape; // merged reduced axes, outermost first
        private final long[] rStrides;

        InnerFold(Ufunc u, NdArray x, boolean[] reduced, NdArray res, Double init, Dispatch d) {
            this.x = x;
            this.res = res;
            this.init = init;
            this.identity = u.identityOrNull();
            this.d = d;
            DType ct = res.dtype;
            this.fold = d.reduceLoop(u.name(), ct);
            this.op = d.loop(u.name(), new DType[] {ct, ct, ct});
            List<long[]> r = new ArrayList<>();
            List<long[]> k = new ArrayList<>();
            for (int i = 0; i < x.ndim(); i++) {
                (reduced[i] ? r : k).add(new long[] {x.shape[i], x.strides[i]});
            }
            kShape = k.stream().mapToLong(p -> p[0]).toArray();
            kStrides = k.stream().mapToLong(p -> p[1]).toArray();
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
            return new long[][] {m.stream().mapToLong(p -> p[0]).toArray(), m.stream().mapToLong(p -> p[1]).toArray()};
        }

        void run() {
            long nOut = res.size();
            long run = rShape[rShape.length - 1];
            if (rShape.length == 1 && run >= 2 * MIN_BLOCK && nOut < 16) {
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
            long block = Math.max(MIN_BLOCK, (((len + 63) / 64) + 127) / 128 * 128);
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
}
