package dev.tessel.spi;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The iteration space of an elementwise operation over several operands of one (broadcast)
 * shape, reduced to as few dimensions as possible.
 *
 * <p>Axes are ordered by the memory order of the first operand that is written (the output),
 * so that C- and F-ordered arrays both stream forward, and adjacent axes that every operand
 * walks as one are merged. The result is a row-major space of {@link #size()} elements whose
 * linear ranges can be run independently: this is what the scheduler tiles.
 */
public final class Layout {
    private final long[] shape;
    private final long[][] strides; // [operand][axis]; null for a flat layout, which has only inner
    /** Each operand's innermost stride: shared by every run (loops must not modify their arrays). */
    private final long[] inner;
    private final long[] offsets;
    private final MemorySegment[] segs;

    /**
     * @param shape the common (already broadcast) shape
     * @param strides per-operand strides in elements for that shape (0 on broadcast axes)
     * @param offsets per-operand element offsets
     * @param segs per-operand segments
     * @param orderBy which operand's strides choose the axis order
     */
    public Layout(long[] shape, long[][] strides, long[] offsets, MemorySegment[] segs, int orderBy) {
        int nOps = strides.length;
        int nd = shape.length;
        // Drop length-1 axes: they contribute nothing to addressing.
        int[] axes = new int[nd];
        int kept = 0;
        boolean empty = false;
        for (int a = 0; a < nd; a++) {
            if (shape[a] == 0) {
                empty = true;
            }
            if (shape[a] != 1) {
                axes[kept++] = a;
            }
        }
        // Stable insertion sort by descending |stride| of the ordering operand; ties keep C
        // order. Few axes and usually already in order, so this is one pass with no boxing.
        long[] key = strides[orderBy];
        int[] order = axes;
        for (int i = 1; i < kept; i++) {
            int ax = order[i];
            long k = Math.abs(key[ax]);
            int j = i - 1;
            while (j >= 0 && Math.abs(key[order[j]]) < k) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = ax;
        }
        long[] sh = new long[kept];
        long[][] st = new long[nOps][kept];
        for (int i = 0; i < kept; i++) {
            sh[i] = shape[order[i]];
            for (int k = 0; k < nOps; k++) {
                st[k][i] = strides[k][order[i]];
            }
        }
        // Merge axis i into i+1 when every operand steps over axis i exactly one run of axis i+1.
        int w = 0;
        for (int i = 0; i < kept; i++) {
            if (w > 0 && mergeable(st, w - 1, sh[i], i)) {
                sh[w - 1] *= sh[i];
                for (int k = 0; k < nOps; k++) {
                    st[k][w - 1] = st[k][i];
                }
                continue;
            }
            sh[w] = sh[i];
            for (int k = 0; k < nOps; k++) {
                st[k][w] = st[k][i];
            }
            w++;
        }
        if (empty) {
            this.shape = new long[] {0};
            w = 1;
        } else {
            this.shape = Arrays.copyOf(sh, w);
        }
        this.strides = new long[nOps][];
        for (int k = 0; k < nOps; k++) {
            this.strides[k] = Arrays.copyOf(st[k], w);
        }
        this.offsets = offsets.clone();
        this.segs = segs.clone();
        this.inner = new long[nOps];
        for (int k = 0; k < nOps; k++) {
            inner[k] = w == 0 ? 0 : this.strides[k][w - 1];
        }
    }

    private Layout(long size, long[] innerStrides, long[] offsets, MemorySegment[] segs) {
        this.shape = new long[] {size};
        this.strides = null;
        this.inner = innerStrides;
        this.offsets = offsets;
        this.segs = segs;
    }

    /**
     * A one-axis space of {@code size} elements (at least 2) in which operand {@code k} steps
     * {@code innerStrides[k]} (1 for a dense run, 0 for a broadcast scalar): what the general
     * constructor produces for such operands, without its sorting and merging. The arrays are
     * taken over, not copied.
     */
    public static Layout flat(long size, long[] innerStrides, long[] offsets, MemorySegment[] segs) {
        if (size < 2) {
            throw new IllegalArgumentException("a flat layout needs at least 2 elements, not " + size);
        }
        return new Layout(size, innerStrides, offsets, segs);
    }

    private static boolean mergeable(long[][] st, int outer, long innerLen, int inner) {
        for (long[] s : st) {
            if (s[outer] != s[inner] * innerLen) {
                return false;
            }
        }
        return true;
    }

    /** Number of points in the iteration space. */
    public long size() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** Length of the innermost (merged) axis: the longest run one loop call can cover. */
    public long innerLength() {
        return shape.length == 0 ? 1 : shape[shape.length - 1];
    }

    /** Number of merged dimensions (0 for a single point). */
    public int ndim() {
        return shape.length;
    }

    public int operands() {
        return segs.length;
    }

    /** The merged shape; for inspection and tests. */
    public long[] shape() {
        return shape.clone();
    }

    /** Strides of operand {@code k} over the merged shape. */
    public long[] strides(int k) {
        return strides == null ? new long[] {inner[k]} : strides[k].clone();
    }

    /** True when every operand is one dense forward run (or a broadcast scalar). */
    public boolean isFlat() {
        if (shape.length > 1) {
            return false;
        }
        for (int k = 0; k < segs.length; k++) {
            if (shape.length == 1 && inner[k] != 1 && inner[k] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code loop} over linear positions {@code [start, end)} of the iteration space. */
    public void run(StridedLoop loop, long start, long end) {
        if (start >= end) {
            return;
        }
        int nOps = segs.length;
        long[] offs = new long[nOps];
        int nd = shape.length;
        if (nd == 0) {
            loop.run(segs, offsets.clone(), inner, 1);
            return;
        }
        if (nd == 1) {
            // One axis (the common dense case): one loop call, no multi-index.
            for (int k = 0; k < nOps; k++) {
                offs[k] = offsets[k] + start * inner[k];
            }
            loop.run(segs, offs, inner, end - start);
            return;
        }
        long len = shape[nd - 1];
        long[] idx = new long[nd];
        long pos = start;
        // Unravel the start position once, then step the multi-index.
        long rem = start;
        for (int a = nd - 1; a >= 0; a--) {
            idx[a] = rem % shape[a];
            rem /= shape[a];
        }
        while (pos < end) {
            for (int k = 0; k < nOps; k++) {
                long o = offsets[k];
                for (int a = 0; a < nd; a++) {
                    o += idx[a] * strides[k][a];
                }
                offs[k] = o;
            }
            long n = Math.min(len - idx[nd - 1], end - pos);
            loop.run(segs, offs, inner, n);
            pos += n;
            idx[nd - 1] += n;
            for (int a = nd - 1; a > 0 && idx[a] == shape[a]; a--) {
                idx[a] = 0;
                idx[a - 1]++;
            }
        }
    }
}
