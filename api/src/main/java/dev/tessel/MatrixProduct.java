package dev.tessel;

import dev.tessel.spi.MatmulKernel;
import dev.tessel.spi.OpKind;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * matmul and dot with NumPy's shape rules. matmul: a 1-D first operand is a row (its axis is
 * dropped from the result), a 1-D second operand a column; leading batch dimensions broadcast.
 * dot: scalars multiply, N-d by 1-d sums over the last axis, N-d by M-d (M >= 2) sums the last
 * axis of a against the second-to-last of b.
 *
 * <p>The result dtype is the promotion of the inputs (bool stays bool: "any of a and b");
 * float16 is computed in float32. Work is split by rows of the output across all batches, and
 * each block of rows is one call of the backend's {@link MatmulKernel}.
 */
final class MatrixProduct {
    /** Rows of A per kernel call, at least (the tail of a matrix aside). */
    private static final long ROW_BLOCK = 128;

    private static final String SIGNATURE = "(n?,k),(k,m?)->(n?,m?)";

    private MatrixProduct() {
    }

    static NdArray matmul(NdArray a, NdArray b) {
        NdArray resident = DeviceFolds.tryMatmul(a, b); // both lent to one device
        return resident != null ? resident : matmul(a, b, null);
    }

    static NdArray dot(NdArray a, NdArray b) {
        return dot(a, b, null);
    }

    /** matmul into {@code out} (null: a new array); returns the result ({@code out} when given). */
    static NdArray matmul(NdArray a, NdArray b, NdArray out) {
        return Execution.run("matmul", new NdArray[] {a, b}, new NdArray[] {out}, () -> matmulCore(a, b, out));
    }

    /** dot into {@code out} (null: a new array); returns the result ({@code out} when given). */
    static NdArray dot(NdArray a, NdArray b, NdArray out) {
        return Execution.run("dot", new NdArray[] {a, b}, new NdArray[] {out}, () -> dotCore(a, b, out));
    }

    static NdArray matmulCore(NdArray a, NdArray b) {
        return matmulCore(a, b, null);
    }

    static NdArray matmulCore(NdArray a, NdArray b, NdArray out) {
        for (int k = 0; k < 2; k++) {
            NdArray x = k == 0 ? a : b;
            if (x.ndim() == 0) {
                throw new IllegalArgumentException("matmul: Input operand " + k + " does not have enough dimensions (has 0, "
                        + "gufunc core with signature " + SIGNATURE + " requires 1)");
            }
        }
        NdArray a2 = a.ndim() == 1 ? a.expandDims(0) : a;
        NdArray b2 = b.ndim() == 1 ? b.expandDims(1) : b;
        long kA = a2.shape[a2.ndim() - 1];
        long kB = b2.shape[b2.ndim() - 2];
        if (kA != kB) {
            throw new ShapeException("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
                    + SIGNATURE + " (size " + kB + " is different from " + kA + "): shapes " + Shape.format(a.shape)
                    + " and " + Shape.format(b.shape));
        }
        long m = a2.shape[a2.ndim() - 2];
        long n = b2.shape[b2.ndim() - 1];
        long[] batch = batchShape(a, b, a2, b2);
        DType t = DType.promote(a.dtype, b.dtype);
        if (out != null) {
            long[] core = a.ndim() == 1 ? (b.ndim() == 1 ? new long[0] : new long[] {n})
                    : (b.ndim() == 1 ? new long[] {m} : new long[] {m, n});
            batch = ProductOut.matmulBatch(out, core, batch, t, SIGNATURE);
        }
        DType ct = LoopResolution.computeType(t);
        NdArray ac = a2.dtype == ct ? a2 : Execution.copyAs(a2, ct);
        NdArray bc = b2.dtype == ct ? b2 : Execution.copyAs(b2, ct);
        NdArray c = out != null && ProductOut.direct(out, ct, a, b) ? coreView(out, a, b)
                : NdArray.allocateForOverwrite(ct, Accumulation.concat(batch, new long[] {m, n})); // the kernel overwrites C
        if (c.size() > 0) {
            run(ac.broadcastTo(Accumulation.concat(batch, new long[] {m, kA})),
                    bc.broadcastTo(Accumulation.concat(batch, new long[] {kA, n})), c, m, n, kA);
        }
        NdArray result = dropAxes(ct == t || out != null ? c : Execution.copyAs(c, t), a, b, batch);
        if (out != null && result.storage != out.storage) {
            Assign.copy(result, out);
        }
        return out != null ? out : result;
    }

    private static long[] batchShape(NdArray a, NdArray b, NdArray a2, NdArray b2) {
        long[] batchA = Arrays.copyOf(a2.shape, a2.ndim() - 2);
        long[] batchB = Arrays.copyOf(b2.shape, b2.ndim() - 2);
        try {
            return Shape.broadcast(batchA, batchB);
        } catch (ShapeException e) {
            throw new ShapeException("matmul: batch dimensions of shapes " + Shape.format(a.shape) + " and "
                    + Shape.format(b.shape) + " do not broadcast: " + e.getMessage());
        }
    }

    /** {@code out} with the axes that 1-D operands drop put back, so the kernel sees (batch, m, n). */
    private static NdArray coreView(NdArray out, NdArray a, NdArray b) {
        NdArray c = out;
        if (a.ndim() == 1) {
            c = c.expandDims(b.ndim() == 1 ? c.ndim() : c.ndim() - 1);
        }
        return b.ndim() == 1 ? c.expandDims(c.ndim()) : c;
    }

    /** The (batch, m, n) product without the axes that 1-D operands drop. */
    private static NdArray dropAxes(NdArray result, NdArray a, NdArray b, long[] batch) {
        long[] shape = result.shape;
        if (a.ndim() == 1 && b.ndim() == 1) {
            return result.reshape(batch);
        }
        if (a.ndim() == 1) {
            return result.reshape(Accumulation.without(shape, shape.length - 2));
        }
        if (b.ndim() == 1) {
            return result.reshape(Accumulation.without(shape, shape.length - 1));
        }
        return result;
    }

    /** Runs over all rows of all batches: ranges of row indices become kernel calls per batch. */
    private static void run(NdArray a, NdArray b, NdArray c, long m, long n, long k) {
        DType ct = c.dtype;
        int nb = c.ndim() - 2;
        long batches = c.size() / (m * n);
        // elements = multiply-adds (flops / 2) over all batches, as OpRequest asks for matmul
        Dispatch d = Dispatch.of("matmul", OpKind.MATMUL, ct, batches * m * n * k,
                (a.size() + b.size() + c.size()) * ct.itemSize());
        MemorySegment as = a.segment();
        MemorySegment bs = b.segment();
        MemorySegment cs = c.segment();
        long[] batchShape = Arrays.copyOf(c.shape, nb);
        MatmulKernel kernel = sameBForEveryBatch(b, nb)
                ? d.matmul(ct).forB(bs, b.offset, b.strides[nb], b.strides[nb + 1], n, k)
                : d.matmul(ct);
        // A kernel call whose B was not prepared once (forB: batches with their own B, a B past
        // the backend's limit) packs all of B's panels, so each call covers enough rows of A to
        // amortize that (1/ROW_BLOCK of the work); tiles are whole multiples of this block.
        d.forEachRange(batches * m, Math.min(m, ROW_BLOCK), (s, e) -> {
            long row = s;
            while (row < e) {
                long bi = row / m;
                long i0 = row % m;
                long rows = Math.min(m - i0, e - row);
                long ao = a.offset + batchOffset(bi, batchShape, a.strides) + i0 * a.strides[nb];
                long bo = b.offset + batchOffset(bi, batchShape, b.strides);
                long co = c.offset + batchOffset(bi, batchShape, c.strides) + i0 * c.strides[nb];
                kernel.run(as, ao, a.strides[nb], a.strides[nb + 1], bs, bo, b.strides[nb], b.strides[nb + 1],
                        cs, co, c.strides[nb], c.strides[nb + 1], rows, n, k);
                row += rows;
            }
        });
    }

    /** True when every batch multiplies by the same B (one batch, or B broadcast along the batch axes). */
    private static boolean sameBForEveryBatch(NdArray b, int nb) {
        for (int i = 0; i < nb; i++) {
            if (b.strides[i] != 0 && b.shape[i] != 1) {
                return false;
            }
        }
        return true;
    }

    private static long batchOffset(long bi, long[] batchShape, long[] strides) {
        long off = 0;
        for (int i = batchShape.length - 1; i >= 0; i--) {
            off += (bi % batchShape[i]) * strides[i];
            bi /= batchShape[i];
        }
        return off;
    }

    static NdArray dotCore(NdArray a, NdArray b, NdArray out) {
        long[] shape = dotShape(a, b);
        if (out != null) {
            ProductOut.checkDot(out, DType.promote(a.dtype, b.dtype), shape);
        }
        if (a.ndim() == 0 || b.ndim() == 0) {
            NdArray[] outs = out == null ? null : new NdArray[] {out};
            return UfuncCall.execute(Ufuncs.MULTIPLY, new Object[] {a, b}, outs, null, null, Casting.SAME_KIND)[0];
        }
        if (b.ndim() <= 2) {
            return matmulCore(a, b, out);
        }
        long k = a.shape[a.ndim() - 1];
        NdArray a2 = a.reshape(-1, k);
        NdArray b2 = b.moveaxis(-2, 0).reshape(k, -1);
        NdArray c = matmulCore(a2, b2, out == null ? null : out.reshape(a2.shape[0], b2.shape[1]));
        return out != null ? out : c.reshape(shape);
    }

    /** dot's result shape, after checking that the summed dimensions agree. */
    private static long[] dotShape(NdArray a, NdArray b) {
        if (a.ndim() == 0 || b.ndim() == 0) {
            return Shape.broadcast(a.shape, b.shape);
        }
        int kb = Math.max(b.ndim() - 2, 0);
        if (a.shape[a.ndim() - 1] != b.shape[kb]) {
            throw new ShapeException("shapes " + Shape.format(a.shape) + " and " + Shape.format(b.shape)
                    + " not aligned: " + a.shape[a.ndim() - 1] + " (dim " + (a.ndim() - 1) + ") != "
                    + b.shape[kb] + " (dim " + kb + ")");
        }
        return Accumulation.concat(Arrays.copyOf(a.shape, a.ndim() - 1), Accumulation.without(b.shape, kb));
    }
}
