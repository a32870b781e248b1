package dev.tessel;

import dev.tessel.spi.Layout;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.StridedLoop;

/**
 * {@code ufunc.at(a, indices, b)}: for each index in turn, {@code a[i] = op(a[i], b[j])} in
 * place, unbuffered, so an index that repeats is applied once per occurrence. Indices select
 * along axis 0 (negative ones count from the end) and are all checked before anything is
 * written; {@code b} broadcasts to {@code indices.shape + a.shape[1:]}.
 */
final class IndexedUpdate {
    private IndexedUpdate() {
    }

    static void at(Ufunc u, NdArray a, NdArray indices, NdArray b) {
        int want = b == null ? 1 : 2;
        if (u.nin() != want || u.nout() != 1) {
            throw new IllegalArgumentException(u.name() + ".at() needs " + (u.nin() == 1 ? "no" : "a") + " second operand: "
                    + u.name() + " takes " + u.nin() + " input" + (u.nin() == 1 ? "" : "s"));
        }
        a.checkWritable();
        if (a.ndim() == 0) {
            throw new IllegalArgumentException(u.name() + ".at() needs an array with at least one dimension");
        }
        if (!indices.dtype.isInteger()) {
            throw new IllegalArgumentException("arrays used as indices must be of integer type, got " + indices.dtype);
        }
        long[] idx = indices.toLongArray();
        long n0 = a.shape[0];
        for (int j = 0; j < idx.length; j++) {
            if (idx[j] < -n0 || idx[j] >= n0) {
                throw new IndexOutOfBoundsException("index " + idx[j] + " is out of bounds for axis 0 with size " + n0);
            }
            idx[j] = idx[j] < 0 ? idx[j] + n0 : idx[j];
        }
        long[] item = Accumulation.without(a.shape, 0);
        NdArray values = null;
        if (b != null) {
            long[] target = Accumulation.concat(indices.shape, item);
            values = b.broadcastTo(target).reshape(Accumulation.concat(new long[] {idx.length}, item));
        }
        apply(u, a, idx, values);
    }

    /** Resolves and looks the loop up once, then applies it row by row in index order. */
    private static void apply(Ufunc u, NdArray a, long[] idx, NdArray values) {
        DType[] inTypes = values == null ? new DType[] {a.dtype} : new DType[] {a.dtype, values.dtype};
        DType[] loop = LoopResolution.resolve(u, inTypes, null);
        UfuncCall.checkInputCasts(u, inTypes, loop, Casting.SAME_KIND);
        UfuncCall.outputs(u, loop, a.shape, new NdArray[] {a}, new NdArray[0], Casting.SAME_KIND);
        if (values != null && Overlap.mayOverlap(values, a)) {
            values = Execution.copyAs(values, values.dtype); // b is read as it was before the first update
        }
        DType[] arrayTypes = values == null ? new DType[] {a.dtype, a.dtype} : new DType[] {a.dtype, values.dtype, a.dtype};
        long rowSize = Shape.size(Accumulation.without(a.shape, 0));
        Dispatch d = Dispatch.of(u.name() + ".at", OpKind.ELEMENTWISE, loop[loop.length - 1], idx.length * rowSize,
                idx.length * rowSize * 3L * a.dtype.itemSize());
        StridedLoop kernel = UfuncCall.kernel(u, loop, arrayTypes, false, d);
        for (int j = 0; j < idx.length; j++) {
            NdArray row = Accumulation.take(a, 0, idx[j]);
            NdArray[] ops = values == null ? new NdArray[] {row, row} : new NdArray[] {row, Accumulation.take(values, 0, j), row};
            Layout layout = UfuncCall.layoutOf(ops, row.shape, ops.length - 1);
            layout.run(kernel, 0, layout.size());
        }
    }
}
