package dev.tessel;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The common forms of NumPy's advanced indexing, all of which copy on read.
 *
 * <p>Supported subset (decided here; NumPy allows more):
 * <ul>
 *   <li>a boolean mask over the leading axes: {@code a[mask]} where {@code mask.shape ==
 *       a.shape[:mask.ndim]}; the result has shape {@code (count,) + a.shape[mask.ndim:]}.
 *       A 0-d mask is refused.</li>
 *   <li>an integer index array along one axis, as {@code np.take(a, idx, axis)}: the result
 *       has shape {@code a.shape[:axis] + idx.shape + a.shape[axis+1:]}; without an axis the
 *       array is read flattened, as {@code np.take(a, idx)}.</li>
 *   <li>assignment through a mask or through an integer index array along axis 0
 *       ({@code a[idx] = values}); values broadcast to the selected shape; with repeated
 *       indices the last write wins, as NumPy does in practice.</li>
 * </ul>
 * Mixing index arrays with slices, several index arrays at once, and {@code np.put}'s flat
 * cycling of values are not supported.
 */
final class AdvancedIndexing {
    private AdvancedIndexing() {
    }

    // ---- masks ----

    static NdArray maskGet(NdArray a, NdArray mask) {
        return takeRows(a, mask.ndim(), maskPositions(a, mask));
    }

    static void maskSet(NdArray a, NdArray mask, NdArray values) {
        a.checkWritable();
        putRows(a, mask.ndim(), maskPositions(a, mask), values);
    }

    /** C-order positions of the true entries, after checking the mask against a's leading axes. */
    private static long[] maskPositions(NdArray a, NdArray mask) {
        if (mask.dtype != DType.BOOL) {
            throw new IndexException("a boolean mask must have dtype bool, got " + mask.dtype);
        }
        if (mask.ndim() == 0) {
            throw new IndexException("0-d boolean masks are not supported (array shape " + Shape.format(a.shape) + ")");
        }
        if (mask.ndim() > a.ndim()) {
            throw Indexing.tooMany(a.ndim(), mask.ndim());
        }
        for (int i = 0; i < mask.ndim(); i++) {
            if (mask.shape[i] != a.shape[i]) {
                throw new IndexException("boolean index did not match indexed array along axis " + i + "; size of axis is "
                        + a.shape[i] + " but size of corresponding boolean axis is " + mask.shape[i] + " (array shape "
                        + Shape.format(a.shape) + ", mask shape " + Shape.format(mask.shape) + ")");
            }
        }
        byte[] bits = mask.toByteArray();
        long count = 0;
        for (byte b : bits) {
            count += b != 0 ? 1 : 0;
        }
        long[] picks = new long[Math.toIntExact(count)];
        for (int i = 0, k = 0; i < bits.length; i++) {
            if (bits[i] != 0) {
                picks[k++] = i;
            }
        }
        return picks;
    }

    // ---- integer arrays ----

    static NdArray take(NdArray a, NdArray indices, int axis) {
        int ax = Shape.axis(axis, a.ndim());
        NdArray moved = a.moveaxis(ax, 0);
        long[] picks = positions(indices, a.shape[ax], ax);
        NdArray rows = takeRows(moved, 1, picks);
        // rows is (n, rest...) with rest = moved.shape[1:]; put the picked axis back in place.
        long[] rowShape = new long[indices.ndim() + a.ndim() - 1];
        System.arraycopy(indices.shape, 0, rowShape, 0, indices.ndim());
        System.arraycopy(moved.shape, 1, rowShape, indices.ndim(), a.ndim() - 1);
        NdArray r = rows.reshape(rowShape);
        int[] perm = new int[rowShape.length];
        int k = 0;
        for (int i = 0; i < ax; i++) {
            perm[k++] = indices.ndim() + i;
        }
        for (int i = 0; i < indices.ndim(); i++) {
            perm[k++] = i;
        }
        for (int i = ax; i < a.ndim() - 1; i++) {
            perm[k++] = indices.ndim() + i;
        }
        return r.permute(perm).copy();
    }

    static NdArray takeFlat(NdArray a, NdArray indices) {
        return take(a.ravel(), indices, 0);
    }

    static void indexSet(NdArray a, NdArray indices, NdArray values) {
        a.checkWritable();
        if (a.ndim() == 0) {
            throw Indexing.tooMany(0, 1);
        }
        long[] picks = positions(indices, a.shape[0], 0);
        long[] target = new long[indices.ndim() + a.ndim() - 1];
        System.arraycopy(indices.shape, 0, target, 0, indices.ndim());
        System.arraycopy(a.shape, 1, target, indices.ndim(), a.ndim() - 1);
        long[] rowsShape = new long[a.ndim()];
        rowsShape[0] = picks.length;
        System.arraycopy(a.shape, 1, rowsShape, 1, a.ndim() - 1);
        putRows(a, 1, picks, values.broadcastTo(target).reshape(rowsShape));
    }

    /** Checked, normalized positions from an integer index array. */
    private static long[] positions(NdArray indices, long n, int axis) {
        if (!indices.dtype.isInteger()) {
            throw new IndexException("arrays used as indices must be of integer (or boolean) type, got " + indices.dtype);
        }
        long[] idx = indices.toLongArray();
        for (int i = 0; i < idx.length; i++) {
            long v = idx[i];
            if (v < -n || v >= n) {
                throw new IndexException("index " + v + " is out of bounds for axis " + axis + " with size " + n);
            }
            idx[i] = v < 0 ? v + n : v;
        }
        return idx;
    }

    // ---- row copies ----

    /**
     * A new array whose row {@code k} is the sub-array at C-order position {@code picks[k]} of
     * the first {@code lead} axes of {@code a}; addressing goes through a's own strides, so no
     * layout is assumed (transposed and sliced views work).
     */
    private static NdArray takeRows(NdArray a, int lead, long[] picks) {
        NdArray out = NdArray.allocate(a.dtype, rowsShape(a, lead, picks.length));
        for (int k = 0; k < picks.length; k++) {
            copyRow(row(a, lead, picks[k]), row(out, 1, k));
        }
        return out;
    }

    private static void putRows(NdArray a, int lead, long[] picks, NdArray values) {
        // Values that alias the target are read in full first, so earlier rows cannot clobber later sources.
        NdArray src = values.sharesStorage(a) ? values.copy() : values;
        NdArray v = src.broadcastTo(rowsShape(a, lead, picks.length));
        for (int k = 0; k < picks.length; k++) {
            copyRow(row(v, 1, k), row(a, lead, picks[k]));
        }
    }

    /** Copies one row; single elements skip the N-d layout set-up, which would dominate a 1-D pick. */
    private static void copyRow(NdArray src, NdArray dst) {
        if (src.ndim() == 0) {
            Assign.castLoop(src.dtype, dst.dtype).run(new MemorySegment[] {src.segment(), dst.segment()},
                    new long[] {src.offset, dst.offset}, new long[2], 1);
        } else {
            Assign.copy(src, dst);
        }
    }

    private static long[] rowsShape(NdArray a, int lead, long count) {
        long[] shape = new long[a.ndim() - lead + 1];
        shape[0] = count;
        System.arraycopy(a.shape, lead, shape, 1, a.ndim() - lead);
        return shape;
    }

    /** The view at C-order position {@code pos} of the first {@code lead} axes. */
    private static NdArray row(NdArray a, int lead, long pos) {
        long off = a.offset;
        for (int i = lead - 1; i >= 0; i--) {
            off += (pos % a.shape[i]) * a.strides[i];
            pos /= a.shape[i];
        }
        return a.view(Arrays.copyOfRange(a.shape, lead, a.ndim()), Arrays.copyOfRange(a.strides, lead, a.ndim()), off);
    }
}
