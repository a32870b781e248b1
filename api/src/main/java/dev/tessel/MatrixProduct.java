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
    private static final String SIGNATURE = "(n?,k),(k,m?)->(n?,m?)";

    private MatrixProduct() {
    }

    static NdArray matmul(NdArray a, NdArray b) {
        return Execution.run("matmul", new NdArray[] {a, b}, new NdArray[0], () -> matmulCore(a, b));
    }

    static NdArray dot(NdArray a, NdArray b) {
        return Execution.run("dot", new NdArray[] {a, b}, new NdArray[0], () -> dotCore(a, b));
    }

    static NdArray matmulCore(NdArray a, NdArray b) {
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
        long[] batchA = Arrays.copyOf(a2.shape, a2.ndim() - 2);
        long[] batchB = Arrays.copyOf(b2.shape, b2.ndim() - 2);
        long[] batch;
        try {
            batch = Shape.broadcast(batchA, batchB);
        } catch (ShapeException e) {
            throw new ShapeException("matmul: batch dimensions of shapes " + Shape.format(a.shape) + " and "
                    + Shape.format(b.shape) + " do not broadcast: " + e.getMessage());
        }
        long m = a2.shape[a2.ndim() - 2];
        long n = b2.shape[b2.ndim() - 1];
        DType t = DType.promote(a.dtype, b.dtype);
        DType ct = LoopResolution.computeType(t);
        NdArray ac = a2.dtype == ct ? a2 : Execution.copyAs(a2, ct);
        NdArray bc = b2.dtype == ct ? b2 : Execution.copyAs(b2, ct);
        NdArray c = NdArray.allocate(ct, Accumulation.concat(batch, new long[] {m, n}));
        if (c.size() > 0) {
            run(ac.broadcastTo(Accumulation.concat(batch, new long[] {m, kA})),
                    bc.broadcastTo(Accumulation.concat(batch, new long[] {kA, n})), c, m, n, kA);
        }
        NdArray result = ct == t ? c : Execution.copyAs(c, t);
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
        MatmulKernel kernel = d.matmul(ct);
        MemorySegment as = a.segment();
        MemorySegment bs = b.segment();
        MemorySegment cs = c.segment();
        long[] batchShape = Arrays.copyOf(c.shape, nb);
        d.forEachRange(batches * m, 1, (s, e) -> {
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

    private static long batchOffset(long bi, long[] batchShape, long[] strides) {
        long off = 0;
        for (int i = batchShape.length - 1; i >= 0; i--) {
            off += (bi % batchShape[i]) * strides[i];
            bi /= batchShape[i];
        }
        return off;
    }

    static NdArray dotCore(NdArray a, NdArray b) {
        if (a.ndim() == 0 || b.ndim() == 0) {
            return UfuncCall.apply(Ufuncs.MULTIPLY, a, b);
        }
        if (b.ndim() <= 2) {
            if (a.shape[a.ndim() - 1] != b.shape[Math.max(b.ndim() - 2, 0)]) {
                throw new ShapeException("shapes " + Shape.format(a.shape) + " and " + Shape.format(b.shape)
                        + " not aligned: " + a.shape[a.ndim() - 1] + " (dim " + (a.ndim() - 1) + ") != "
                        + b.shape[Math.max(b.ndim() - 2, 0)] + " (dim " + Math.max(b.ndim() - 2, 0) + ")");
            }
            return matmulCore(a, b);
        }
        long k = a.shape[a.ndim() - 1];
        if (k != b.shape[b.ndim() - 2]) {
            throw new ShapeException("shapes " + Shape.format(a.shape) + " and " + Shape.format(b.shape) + " not aligned: "
                    + k + " (dim " + (a.ndim() - 1) + ") != " + b.shape[b.ndim() - 2] + " (dim " + (b.ndim() - 2) + ")");
        }
        NdArray a2 = a.reshape(-1, k);
        NdArray b2 = b.moveaxis(-2, 0).reshape(k, -1);
        NdArray c = matmulCore(a2, b2);
        long[] outShape = Accumulation.concat(Arrays.copyOf(a.shape, a.ndim() - 1), Accumulation.without(b.shape, b.ndim() - 2));
        return c.reshape(outShape);
    }
}
