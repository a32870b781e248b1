package dev.tessel;

import java.util.Objects;

/**
 * Basic indexing: integers, slices, {@code ...} and new axes applied to an array, giving a
 * view that shares its storage (NumPy's "basic indexing"; never a copy).
 */
final class Indexing {
    private Indexing() {
    }

    static NdArray view(NdArray a, Index... items) {
        int consumed = 0;
        int ellipses = 0;
        for (int i = 0; i < items.length; i++) {
            int pos = i;
            Index it = Objects.requireNonNull(items[i], () -> "index item " + pos + " is null");
            if (it instanceof Index.Ellipsis) {
                ellipses++;
            } else if (!(it instanceof Index.NewAxis)) {
                consumed++;
            }
        }
        if (ellipses > 1) {
            throw new IndexException("an index can only have a single ellipsis ('...')");
        }
        if (consumed > a.ndim()) {
            throw tooMany(a.ndim(), consumed);
        }
        int outDims = a.ndim() - consumed;
        for (Index it : items) {
            outDims += it instanceof Index.NewAxis ? 1 : it instanceof Index.Range ? 1 : 0;
        }
        Shape.validate(new long[outDims]);
        return apply(a, items, a.ndim() - consumed, outDims);
    }

    static IndexException tooMany(int ndim, int indexed) {
        return new IndexException("too many indices for array: array is " + ndim + "-dimensional, but " + indexed
                + " were indexed");
    }

    /** Walks the items once; {@code free} is how many axes the ellipsis (or the tail) covers. */
    private static NdArray apply(NdArray a, Index[] items, int free, int outDims) {
        long[] shape = new long[outDims];
        long[] strides = new long[outDims];
        long offset = a.offset;
        int in = 0;
        int out = 0;
        for (Index it : items) {
            switch (it) {
                case Index.At at -> {
                    offset += a.normalizeIndex(at.index(), in) * a.strides[in];
                    in++;
                }
                case Index.Range r -> {
                    long[] sl = resolve(r, a.shape[in]);
                    offset += sl[0] * a.strides[in];
                    shape[out] = sl[1];
                    strides[out++] = sl[2] * a.strides[in++];
                }
                case Index.NewAxis n -> {
                    shape[out] = 1;
                    strides[out++] = 0;
                }
                case Index.Ellipsis e -> {
                    for (int k = 0; k < free; k++) {
                        shape[out] = a.shape[in];
                        strides[out++] = a.strides[in++];
                    }
                }
            }
        }
        while (in < a.ndim()) {
            shape[out] = a.shape[in];
            strides[out++] = a.strides[in++];
        }
        return a.view(shape, strides, offset);
    }

    /**
     * Python's slice adjustment: {first index, length, step} for a slice over an axis of
     * length {@code n}, with bounds clipped rather than refused.
     */
    static long[] resolve(Index.Range r, long n) {
        long step = r.step();
        long start;
        long stop;
        if (step > 0) {
            start = r.start() == null ? 0 : clip(r.start(), n, 0, n);
            stop = r.stop() == null ? n : clip(r.stop(), n, 0, n);
        } else {
            start = r.start() == null ? n - 1 : clip(r.start(), n, -1, n - 1);
            stop = r.stop() == null ? -1 : clip(r.stop(), n, -1, n - 1);
        }
        long len;
        if (step > 0) {
            len = stop > start ? (stop - start - 1) / step + 1 : 0;
        } else {
            // unsigned: -step overflows for Long.MIN_VALUE, whose magnitude is still 2^63
            len = stop < start ? Long.divideUnsigned(start - stop - 1, -step) + 1 : 0;
        }
        return new long[] {len == 0 ? 0 : start, len, step};
    }

    private static long clip(long i, long n, long lo, long hi) {
        if (i < 0) {
            i += n;
        }
        return Math.max(lo, Math.min(hi, i));
    }
}
