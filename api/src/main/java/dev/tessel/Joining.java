package dev.tessel;

import java.util.Arrays;

/** concatenate, stack and split, with NumPy's dtype promotion and error messages (plus the shapes). */
final class Joining {
    private Joining() {
    }

    static NdArray concatenate(int axis, NdArray... arrays) {
        if (arrays.length == 0) {
            throw new IllegalArgumentException("need at least one array to concatenate");
        }
        NdArray first = arrays[0];
        if (first.ndim() == 0) {
            throw new ShapeException("zero-dimensional arrays cannot be concatenated");
        }
        int ax = Shape.axis(axis, first.ndim());
        long total = 0;
        DType type = first.dtype;
        for (int k = 0; k < arrays.length; k++) {
            checkCompatible(first, arrays[k], k, ax);
            total = Math.addExact(total, arrays[k].shape[ax]);
            type = DType.promote(type, arrays[k].dtype);
        }
        long[] shape = first.shape.clone();
        shape[ax] = total;
        NdArray out = NdArray.allocate(type, shape);
        long at = 0;
        for (NdArray part : arrays) {
            Assign.copy(part, Indexing.view(out, along(ax, Index.range(at, at + part.shape[ax]))));
            at += part.shape[ax];
        }
        return out;
    }

    private static void checkCompatible(NdArray first, NdArray other, int k, int ax) {
        if (other.ndim() != first.ndim()) {
            throw new ShapeException("all the input arrays must have same number of dimensions, but the array at index 0 has "
                    + first.ndim() + " dimension(s) and the array at index " + k + " has " + other.ndim()
                    + " dimension(s) (shapes " + Shape.format(first.shape) + " and " + Shape.format(other.shape) + ")");
        }
        for (int d = 0; d < first.ndim(); d++) {
            if (d != ax && other.shape[d] != first.shape[d]) {
                throw new ShapeException("all the input array dimensions except for the concatenation axis must match exactly, "
                        + "but along dimension " + d + ", the array at index 0 has size " + first.shape[d]
                        + " and the array at index " + k + " has size " + other.shape[d] + " (shapes "
                        + Shape.format(first.shape) + " and " + Shape.format(other.shape) + ")");
            }
        }
    }

    /** Index items selecting {@code item} on axis {@code ax} and everything elsewhere. */
    private static Index[] along(int ax, Index item) {
        Index[] items = new Index[ax + 1];
        Arrays.fill(items, Index.all());
        items[ax] = item;
        return items;
    }

    static NdArray stack(int axis, NdArray... arrays) {
        if (arrays.length == 0) {
            throw new IllegalArgumentException("need at least one array to stack");
        }
        for (int k = 1; k < arrays.length; k++) {
            if (!Arrays.equals(arrays[k].shape, arrays[0].shape)) {
                throw new ShapeException("all input arrays must have the same shape, but the array at index 0 has shape "
                        + Shape.format(arrays[0].shape) + " and the array at index " + k + " has shape "
                        + Shape.format(arrays[k].shape));
            }
        }
        int ax = Shape.axis(axis, arrays[0].ndim() + 1);
        NdArray[] expanded = new NdArray[arrays.length];
        for (int k = 0; k < arrays.length; k++) {
            expanded[k] = arrays[k].expandDims(ax);
        }
        return concatenate(ax, expanded);
    }

    /** {@code sections} equal views along {@code axis}, as {@code np.split(a, sections, axis)}. */
    static NdArray[] split(NdArray a, int sections, int axis) {
        int ax = checkSplitAxis(a, axis);
        if (sections <= 0) {
            throw new IllegalArgumentException("number sections must be larger than 0, got " + sections);
        }
        long n = a.shape[ax];
        if (n % sections != 0) {
            throw new ShapeException("array split does not result in an equal division: axis " + ax + " of shape "
                    + Shape.format(a.shape) + " has length " + n + ", not divisible into " + sections + " sections");
        }
        long[] cuts = new long[sections - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = (i + 1) * (n / sections);
        }
        return split(a, cuts, ax);
    }

    /**
     * Views between the given cut points along {@code axis}, as {@code np.split(a, indices,
     * axis)}: cut points are clipped to the axis (negative ones count from the end), and an
     * out-of-order cut gives an empty piece, as in NumPy.
     */
    static NdArray[] split(NdArray a, long[] cuts, int axis) {
        int ax = checkSplitAxis(a, axis);
        NdArray[] out = new NdArray[cuts.length + 1];
        long prev = 0;
        for (int i = 0; i <= cuts.length; i++) {
            Index item = i == cuts.length ? Index.slice(prev, null, 1) : Index.range(prev, cuts[i]);
            out[i] = Indexing.view(a, along(ax, item));
            if (i < cuts.length) {
                prev = cuts[i];
            }
        }
        return out;
    }

    private static int checkSplitAxis(NdArray a, int axis) {
        if (a.ndim() == 0) {
            throw new ShapeException("cannot split a zero-dimensional array");
        }
        return Shape.axis(axis, a.ndim());
    }
}
