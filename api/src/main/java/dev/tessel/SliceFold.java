package dev.tessel;

import dev.tessel.spi.Layout;
import dev.tessel.spi.RowFold;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The outer strategy of {@link Reduction}, used when the input's fastest axis is kept:
 * {@code res = op(res, x[r])} for every index r of the reduced axes, with the binary loop, as
 * NumPy does, so memory streams forward instead of striding once per output.
 */
final class SliceFold {
    /** Outputs per tile, at least: 1024 x 8 bytes stays in L1 with the slice being folded in. */
    static final long OUTPUT_BLOCK = 1024;

    private SliceFold() {
    }

    /**
     * Outer strategy: res = op(res, x[r]) for every index r of the reduced axes. One pass of the
     * engine over the outputs; each range of outputs folds every slice in turn while it is hot
     * in cache, and each output still sees the slices in the same order, whatever the split.
     * When the kept part of x is C-contiguous and the slices evenly spaced (a sum over axis 0
     * of a C-order matrix), each range is one call of the backend's {@link RowFold}, which
     * keeps the range's accumulators in registers across several rows instead of reading and
     * writing them once per slice; it folds the rows in the same order, so the bits are the same.
     */
    static void run(Ufunc u, NdArray x, boolean[] reduced, NdArray res, Double init, Dispatch d) {
        DType ct = res.dtype;
        StridedLoop op = d.loop(u.name(), new DType[] {ct, ct, ct});
        int nd = x.ndim();
        List<Integer> rAxes = new ArrayList<>();
        List<Integer> kAxes = new ArrayList<>();
        for (int i = 0; i < nd; i++) {
            (reduced[i] ? rAxes : kAxes).add(i);
        }
        long[] kStrides = kAxes.stream().mapToLong(i -> x.strides[i]).toArray();
        int total = Math.toIntExact(Reduction.reducedSize(x.shape, reduced));
        long[] deltas = new long[total]; // offset of slice r from slice 0
        long[] idx = new long[rAxes.size()];
        for (int r = 0; r < total; r++) {
            for (int j = 0; j < idx.length; j++) {
                deltas[r] += idx[j] * x.strides[rAxes.get(j)];
            }
            for (int j = idx.length - 1; j >= 0; j--) {
                if (++idx[j] < x.shape[rAxes.get(j)]) {
                    break;
                }
                idx[j] = 0;
            }
        }
        NdArray first = x.view(res.shape, kStrides, x.offset, false);
        Layout fold = UfuncCall.layoutOf(new NdArray[] {res, first, res}, res.shape, 2);
        Layout copy = UfuncCall.layoutOf(new NdArray[] {first, res}, res.shape, 1);
        StridedLoop copyLoop = Assign.castLoop(ct, ct);
        if (init != null) {
            Assign.fill(res, init);
        }
        RowFold rows = evenlySpaced(deltas) && first.isCContiguous() && res.isCContiguous()
                ? d.rowFold(u.name(), ct) : null;
        // Each index of this space stands for a whole column of x, so the engine's per-index work
        // estimate would cut it into tiles of a few outputs and call the loop once per (slice,
        // tile); tiles of at least OUTPUT_BLOCK outputs keep each loop call long and the
        // output block hot in cache.
        if (rows != null) {
            long step = total > 1 ? deltas[1] : 0;
            MemorySegment xs = x.segment();
            MemorySegment rs = res.segment();
            d.forEachRange(fold.size(), OUTPUT_BLOCK, (s, e) -> {
                int r = 0;
                if (init == null) {
                    copy.run(copyLoop, s, e);
                    r = 1;
                }
                if (r < total) {
                    rows.run(xs, x.offset + deltas[r] + s, step, total - r, e - s, rs, res.offset + s);
                }
            });
            return;
        }
        d.forEachRange(fold.size(), OUTPUT_BLOCK, (s, e) -> {
            int r = 0;
            if (init == null) {
                copy.run(copyLoop, s, e);
                r = 1;
            }
            Shifted slice = new Shifted(op, 3);
            for (; r < total; r++) {
                slice.deltas[1] = deltas[r];
                fold.run(slice, s, e);
            }
        });
    }

    /**
     * True when slice r starts r times slice 1's offset after slice 0: the reduced axes walk
     * as one, so the slices are the rows of a {@link RowFold}.
     */
    private static boolean evenlySpaced(long[] deltas) {
        for (int r = 2; r < deltas.length; r++) {
            if (deltas[r] != r * deltas[1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code loop} with each operand's offset moved by {@link #deltas} elements. One is made per
     * range and reused for every slice, so folding many slices allocates nothing per slice.
     * Not thread-safe: each range task makes its own.
     */
    static final class Shifted implements StridedLoop {
        final long[] deltas;
        private final StridedLoop loop;
        private final long[] moved;

        Shifted(StridedLoop loop, int operands) {
            this.loop = loop;
            this.deltas = new long[operands];
            this.moved = new long[operands];
        }

        @Override
        public void run(java.lang.foreign.MemorySegment[] segs, long[] offs, long[] strides, long n) {
            for (int k = 0; k < moved.length; k++) {
                moved[k] = offs[k] + deltas[k];
            }
            loop.run(segs, moved, strides, n);
        }
    }
}
