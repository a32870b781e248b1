package dev.tessel;

import java.util.Arrays;

/** The shape-changing views of {@link NdArray}: reshape, permutations, squeeze, broadcast. */
final class Views {
    private Views() {
    }

    static NdArray reshape(NdArray a, long[] requested) {
        long[] shape = inferShape(a, requested);
        long[] strides = noCopyStrides(a.shape, a.strides, shape);
        if (strides != null) {
            return a.view(shape, strides, a.offset);
        }
        NdArray c = a.copy();
        return c.view(shape, Shape.cStrides(shape), 0);
    }

    private static long[] inferShape(NdArray a, long[] requested) {
        long[] shape = requested.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (unknown >= 0) {
                    throw new ShapeException("can only specify one unknown dimension in reshape " + Shape.format(requested));
                }
                unknown = i;
            } else if (shape[i] < 0) {
                throw new ShapeException("negative dimensions are not allowed: " + Shape.format(requested));
            } else {
                try {
                    known = Math.multiplyExact(known, shape[i]);
                } catch (ArithmeticException e) {
                    throw new ShapeException("array is too big; the size of shape " + Shape.format(requested) + " overflows a 64-bit count");
                }
            }
        }
        long size = a.size();
        if (unknown >= 0) {
            if (known == 0 || size % known != 0) {
                throw new ShapeException("cannot reshape array of size " + size + " into shape " + Shape.format(requested));
            }
            shape[unknown] = size / known;
        }
        Shape.validate(shape);
        if (Shape.size(shape) != size) {
            throw new ShapeException("cannot reshape array of size " + size + " into shape " + Shape.format(requested));
        }
        return shape;
    }

    /**
     * Strides that express {@code newShape} over the same memory in C order, or null when a
     * copy is needed. Old axes are grouped with new axes of equal product; inside a group the
     * old axes must be a single strided run.
     */
    static long[] noCopyStrides(long[] oldShape, long[] oldStrides, long[] newShape) {
        // Length-1 axes carry no addressing: drop them from the old side.
        int n = 0;
        long[] os = new long[oldShape.length];
        long[] ost = new long[oldShape.length];
        for (int i = 0; i < oldShape.length; i++) {
            if (oldShape[i] == 0) {
                return Shape.cStrides(newShape);
            }
            if (oldShape[i] != 1) {
                os[n] = oldShape[i];
                ost[n++] = oldStrides[i];
            }
        }
        long[] ns = new long[newShape.length];
        int oi = 0;
        int ni = 0;
        while (ni < newShape.length && oi < n) {
            int oj = oi + 1;
            int nj = ni + 1;
            long np = newShape[ni];
            long op = os[oi];
            while (np != op) {
                if (np < op) {
                    np *= newShape[nj++];
                } else {
                    op *= os[oj++];
                }
            }
            for (int k = oi; k < oj - 1; k++) {
                if (ost[k] != os[k + 1] * ost[k + 1]) {
                    return null;
                }
            }
            ns[nj - 1] = ost[oj - 1];
            for (int k = nj - 1; k > ni; k--) {
                ns[k - 1] = ns[k] * newShape[k];
            }
            ni = nj;
            oi = oj;
        }
        // Trailing length-1 new axes: any stride works; use the C value.
        for (int k = ni; k < newShape.length; k++) {
            ns[k] = 1;
        }
        return ns;
    }

    static NdArray permute(NdArray a, int[] axes) {
        if (axes.length != a.ndim()) {
            throw new AxisException("axes don't match array: got " + Arrays.toString(axes) + " for an array of dimension " + a.ndim());
        }
        int[] ax = Shape.axes(axes, a.ndim());
        long[] shape = new long[ax.length];
        long[] strides = new long[ax.length];
        for (int i = 0; i < ax.length; i++) {
            shape[i] = a.shape[ax[i]];
            strides[i] = a.strides[ax[i]];
        }
        return a.view(shape, strides, a.offset);
    }

    static NdArray swapaxes(NdArray a, int x, int y) {
        int nd = a.ndim();
        int[] axes = identity(nd);
        int i = Shape.axis(x, nd);
        int j = Shape.axis(y, nd);
        axes[i] = j;
        axes[j] = i;
        return permute(a, axes);
    }

    static NdArray moveaxis(NdArray a, int source, int destination) {
        int nd = a.ndim();
        int s = Shape.axis(source, nd);
        int d = Shape.axis(destination, nd);
        int[] rest = new int[nd - 1];
        for (int i = 0, k = 0; i < nd; i++) {
            if (i != s) {
                rest[k++] = i;
            }
        }
        int[] axes = new int[nd];
        for (int i = 0, k = 0; i < nd; i++) {
            axes[i] = i == d ? s : rest[k++];
        }
        return permute(a, axes);
    }

    private static int[] identity(int n) {
        int[] axes = new int[n];
        for (int i = 0; i < n; i++) {
            axes[i] = i;
        }
        return axes;
    }

    static NdArray squeeze(NdArray a, int[] axes) {
        boolean[] drop = new boolean[a.ndim()];
        if (axes == null) {
            for (int i = 0; i < drop.length; i++) {
                drop[i] = a.shape[i] == 1;
            }
        } else {
            for (int ax : Shape.axes(axes, a.ndim())) {
                if (a.shape[ax] != 1) {
                    throw new ShapeException("cannot select an axis to squeeze out which has size not equal to one (axis "
                            + ax + " of shape " + Shape.format(a.shape) + ")");
                }
                drop[ax] = true;
            }
        }
        int n = 0;
        for (boolean d : drop) {
            n += d ? 0 : 1;
        }
        long[] shape = new long[n];
        long[] strides = new long[n];
        for (int i = 0, k = 0; i < drop.length; i++) {
            if (!drop[i]) {
                shape[k] = a.shape[i];
                strides[k++] = a.strides[i];
            }
        }
        return a.view(shape, strides, a.offset);
    }

    static NdArray expandDims(NdArray a, int axis) {
        int nd = a.ndim() + 1;
        int ax = Shape.axis(axis, nd);
        long[] shape = new long[nd];
        long[] strides = new long[nd];
        for (int i = 0, k = 0; i < nd; i++) {
            if (i == ax) {
                shape[i] = 1;
                strides[i] = 0;
            } else {
                shape[i] = a.shape[k];
                strides[i] = a.strides[k++];
            }
        }
        return a.view(Shape.validate(shape), strides, a.offset);
    }

    static NdArray broadcastTo(NdArray a, long[] target) {
        Shape.validate(target);
        int nd = target.length;
        if (nd < a.ndim()) {
            throw new ShapeException("input operand has more dimensions than allowed by the axis remapping: cannot broadcast "
                    + Shape.format(a.shape) + " to " + Shape.format(target));
        }
        long[] strides = new long[nd];
        for (int i = 0; i < nd; i++) {
            int j = i - (nd - a.ndim());
            if (j < 0) {
                continue;
            }
            if (a.shape[j] == target[i]) {
                strides[i] = a.strides[j];
            } else if (a.shape[j] == 1) {
                strides[i] = 0;
            } else {
                throw new ShapeException("operands could not be broadcast together with remapped shapes [original->remapped]: "
                        + Shape.format(a.shape).replace(" ", "") + " and requested shape " + Shape.format(target).replace(" ", ""));
            }
        }
        boolean same = Arrays.equals(target, a.shape);
        return a.view(target.clone(), strides, a.offset, same);
    }
}
