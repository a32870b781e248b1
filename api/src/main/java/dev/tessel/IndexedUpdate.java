package dev.tessel;

import dev.tessel.spi.Layout;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.StridedLoop;

/**
 * {@code ufunc.at(a, indices, b)}: for each index in turn, {@code a[i] = op(a[i], b[j])} in
 * place, unbuffered, so an index that repeats is applied once per occurrence. {@code indices}
 * holds one integer array per leading axis of {@code a} (NumPy's tuple of index arrays); they
 * broadcast together to a shape {@code S}, negative entries count from the end of their axis,
 * and all are checked before anything is written. {@code b} broadcasts to
 * {@code S + a.shape[indices.length:]}.
 */
final class IndexedUpdate {
    private IndexedUpdate() {
    }

    static void at(Ufunc u, NdArray a, NdArray[] indices, NdArray b) {
        int want = b == null ? 1 : 2;
        if (u.nin() != want || u.nout() != 1) {
            throw new IllegalArgumentException(u.name() + ".at() needs " + (u.nin() == 1 ? "no" : "a") + " second operand: "
                    + u.name() + " takes " + u.nin() + " input" + (u.nin() == 1 ? "" : "s"));
        }
        a.checkWritable();
        if (indices.length == 0) {
            throw new IllegalArgumentException(u.name() + ".at() needs at least one index array");
        }
        if (indices.length > a.ndim()) {
            throw Indexing.tooMany(a.ndim(), indices.length);
        }
        long[] common = commonShape(indices);
        long[][] idx = new long[indices.length][];
        for (int axis = 0; axis < indices.length; axis++) {
            idx[axis] = positions(indices[axis].broadcastTo(common), a.shape[axis], axis);
        }
        long count = Shape.size(common);
        long[] item = java.util.Arrays.copyOfRange(a.shape, indices.length, a.ndim());
        NdArray values = null;
        if (b != null) {
            values = b.broadcastTo(Accumulation.concat(common, item)).reshape(Accumulation.concat(new long[] {count}, item));
        }
        apply(u, a, idx, values);
    }

    /** The shape the index arrays broadcast to, after checking that they are integers. */
    private static long[] commonShape(NdArray[] indices) {
        long[] common = new long[0];
        StringBuilder shapes = new StringBuilder();
        for (NdArray ix : indices) {
            if (!ix.dtype.isInteger()) {
                throw new IndexException("arrays used as indices must be of integer type, got " + ix.dtype);
            }
            shapes.append(' ').append(Shape.format(ix.shape));
        }
        try {
            for (NdArray ix : indices) {
                common = Shape.broadcast(common, ix.shape);
            }
        } catch (ShapeException e) {
            throw new IndexException("shape mismatch: indexing arrays could not be broadcast together with shapes"
                    + shapes);
        }
        return common;
    }

    /** The entries of one index array, in bounds for {@code axis} of size {@code n} and made non-negative. */
    private static long[] positions(NdArray ix, long n, int axis) {
        long[] p = Execution.toLongs(ix);
        for (int j = 0; j < p.length; j++) {
            if (p[j] < -n || p[j] >= n) {
                throw new IndexException("index " + p[j] + " is out of bounds for axis " + axis + " with size " + n);
            }
            p[j] = p[j] < 0 ? p[j] + n : p[j];
        }
        return p;
    }

    /** Resolves and looks the loop up once, then applies it item by item in index order. */
    private static void apply(Ufunc u, NdArray a, long[][] idx, NdArray values) {
        DType[] inTypes = values == null ? new DType[] {a.dtype} : new DType[] {a.dtype, values.dtype};
        DType[] loop = LoopResolution.resolve(u, inTypes, null);
        UfuncCall.checkInputCasts(u, inTypes, loop, Casting.SAME_KIND);
        UfuncCall.outputs(u, loop, a.shape, new NdArray[] {a}, new NdArray[0], Casting.SAME_KIND);
        if (values != null && Overlap.mayOverlap(values, a)) {
            values = Execution.copyAs(values, values.dtype); // b is read as it was before the first update
        }
        DType[] arrayTypes = values == null ? new DType[] {a.dtype, a.dtype} : new DType[] {a.dtype, values.dtype, a.dtype};
        int count = idx[0].length;
        long itemSize = Shape.size(java.util.Arrays.copyOfRange(a.shape, idx.length, a.ndim()));
        Dispatch d = Dispatch.of(u.name() + ".at", OpKind.ELEMENTWISE, loop[loop.length - 1], count * itemSize,
                count * itemSize * 3L * a.dtype.itemSize());
        StridedLoop kernel = UfuncCall.kernel(u, loop, arrayTypes, false, d);
        for (int j = 0; j < count; j++) {
            NdArray target = a;
            for (long[] axisIdx : idx) {
                target = Accumulation.take(target, 0, axisIdx[j]);
            }
            NdArray[] ops = values == null ? new NdArray[] {target, target}
                    : new NdArray[] {target, Accumulation.take(values, 0, j), target};
            Layout layout = UfuncCall.layoutOf(ops, target.shape, ops.length - 1);
            layout.run(kernel, 0, layout.size());
        }
    }
}
