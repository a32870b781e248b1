package dev.tessel;

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
        NdArray[] out = new NdArray[1];
        for (int j = 0; j < idx.length; j++) {
            NdArray row = Accumulation.take(a, 0, idx[j]);
            out[0] = row;
            Object[] args = values == null ? new Object[] {row} : new Object[] {row, Accumulation.take(values, 0, j)};
            UfuncCall.execute(u, args, out, null, null, Casting.SAME_KIND);
        }
    }
}
