package dev.tessel;

import java.util.Arrays;

/**
 * The {@code out=} rules of matmul and dot, which differ in NumPy. matmul is a gufunc: the
 * output's core dimensions must match, its loop (batch) dimensions take part in broadcasting
 * (so an output with more batch dimensions than the inputs is filled by broadcasting them), and
 * the result is cast to its dtype under same_kind. dot is stricter: the output must already
 * have the result's dtype and shape and be C-contiguous.
 *
 * <p>An output that may overlap an input is not written by the kernel directly: the product
 * goes to a private buffer first and is copied in afterwards, so the result is as if the output
 * did not overlap. The same buffer is used when the output's dtype differs from the computation
 * dtype.
 */
final class ProductOut {
    private ProductOut() {
    }

    /**
     * Checks matmul's {@code out} against the core dimensions {@code core} (the result's last
     * dimensions, already without the dropped 1-D axes) and the inputs' broadcast {@code batch};
     * returns the batch shape to compute over (the output's).
     */
    static long[] matmulBatch(NdArray out, long[] core, long[] batch, DType result, String signature) {
        if (out.ndim() < core.length) {
            throw new ShapeException("matmul: Output operand 0 does not have enough dimensions (has " + out.ndim()
                    + ", gufunc core with signature " + signature + " requires " + core.length + ")");
        }
        int nb = out.ndim() - core.length;
        for (int i = 0; i < core.length; i++) {
            if (out.shape[nb + i] != core[i]) {
                throw new ShapeException("matmul: Output operand 0 has a mismatch in its core dimension " + i
                        + ", with gufunc signature " + signature + " (size " + out.shape[nb + i]
                        + " is different from " + core[i] + ")");
            }
        }
        long[] outBatch = Arrays.copyOf(out.shape, nb);
        long[] joint = broadcastOrNull(batch, outBatch);
        if (joint == null || !Arrays.equals(joint, outBatch)) {
            throw new ShapeException("non-broadcastable output operand with shape " + Shape.format(out.shape)
                    + " doesn't match the broadcast shape " + Shape.format(Accumulation.concat(
                            joint == null ? batch : joint, core)));
        }
        out.checkWritable();
        if (!DType.canCast(result, out.dtype, Casting.SAME_KIND)) {
            throw new CastingException("Cannot cast ufunc 'matmul' output from dtype('" + result + "') to dtype('"
                    + out.dtype + "') with casting rule 'same_kind'");
        }
        return outBatch;
    }

    private static long[] broadcastOrNull(long[] x, long[] y) {
        try {
            return Shape.broadcast(x, y);
        } catch (ShapeException e) {
            return null;
        }
    }

    /** Checks dot's {@code out}: exactly the result's dtype and shape, C-contiguous, writable. */
    static void checkDot(NdArray out, DType result, long[] shape) {
        if (out.dtype != result || out.ndim() != shape.length || !out.isCContiguous()) {
            throw new IllegalArgumentException("output array is not acceptable (must have the right datatype, number of "
                    + "dimensions, and be a C-Array): got " + out.dtype + " " + Shape.format(out.shape)
                    + (out.isCContiguous() ? "" : " non-contiguous") + ", need " + result + " " + Shape.format(shape));
        }
        if (!Arrays.equals(out.shape, shape)) {
            throw new ShapeException("output array has wrong dimensions: " + Shape.format(out.shape) + ", need "
                    + Shape.format(shape));
        }
        out.checkWritable();
    }

    /** True when the kernel may write {@code out} directly: the computation dtype and no overlap with an input. */
    static boolean direct(NdArray out, DType compute, NdArray a, NdArray b) {
        return out.dtype == compute && !Overlap.mayOverlap(out, a) && !Overlap.mayOverlap(out, b);
    }
}
