package dev.tessel;

import dev.tessel.spi.AxisArgLoop;
import dev.tessel.spi.AxisReduceLoop;
import java.lang.foreign.MemorySegment;

/**
 * Reductions in one backend call, for backends that offer {@link AxisReduceLoop} or
 * {@link AxisArgLoop} (the GPU, where {@link RunFold}'s call per output run would be one device
 * launch each). The input is seen as a C-contiguous block {@code (outer, n, inner)} whose middle
 * axis is reduced: one axis, several adjacent ones, or all. Anything else (reduced axes with a
 * kept one between them) and every backend without such a loop takes the usual path.
 *
 * <p>Decisions: a non-contiguous input is first copied to C order on the host, one pass that
 * the launch it saves outweighs; the loop folds from the identity (or the first element), and a
 * different {@code initial} is combined afterwards, once per output, which rounds like NumPy's
 * {@code initial + fold} rather than folding it first (within the reduction ULP bound).
 */
final class AxisFold {
    private AxisFold() {
    }

    /** Folds {@code x} into {@code res} in one backend call; false when the caller must fold it run by run. */
    static boolean tryReduce(Ufunc u, NdArray x, boolean[] reduced, NdArray res, Double init, Dispatch d) {
        AxisReduceLoop loop = d.axisReduceLoop(u.name(), res.dtype); // null on CPU backends: asked first, costs nothing
        if (loop == null) {
            return false;
        }
        long[] b = block(x.shape, reduced);
        if (b == null) {
            return false;
        }
        NdArray src = x.isCContiguous() ? x : Execution.copyAs(x, x.dtype); // inside the op: no new lease
        d.forEachRange(1, 1, (s, e) -> loop.run(src.segment(), src.offset, b[0], b[1], b[2], res.segment()));
        Double identity = u.identityOrNull();
        if (init != null && !init.equals(identity)) {
            DType t = res.dtype;
            MemorySegment rs = res.segment();
            MemorySegment is = Nd.scalar(init, t).segment();
            d.loop(u.name(), new DType[] {t, t, t}).run(new MemorySegment[] {is, rs, rs}, new long[3],
                    new long[] {0, 1, 1}, res.size());
        }
        return true;
    }

    /** argmin/argmax of {@code x} along {@code axis} into int64 {@code res} in one backend call, or false. */
    static boolean tryArg(String which, NdArray x, int axis, NdArray res, Dispatch d) {
        AxisArgLoop loop = d.axisArgLoop(which, x.dtype);
        if (loop == null) {
            return false;
        }
        long[] b = {prod(x.shape, 0, axis), x.shape[axis], prod(x.shape, axis + 1, x.ndim())};
        NdArray src = x.isCContiguous() ? x : Execution.copyAs(x, x.dtype); // inside the op: no new lease
        d.forEachRange(1, 1, (s, e) -> loop.run(src.segment(), src.offset, b[0], b[1], b[2], res.segment()));
        return true;
    }

    /**
     * {@code (outer, n, inner)} when the reduced axes of length above one are adjacent, else null
     * (also when none is longer than one: nothing to gain).
     */
    static long[] block(long[] shape, boolean[] reduced) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < shape.length; i++) {
            if (reduced[i] && shape[i] != 1) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return null;
        }
        for (int i = first; i <= last; i++) {
            if (!reduced[i] && shape[i] != 1) {
                return null;
            }
        }
        return new long[] {prod(shape, 0, first), prod(shape, first, last + 1), prod(shape, last + 1, shape.length)};
    }

    private static long prod(long[] shape, int from, int to) {
        long p = 1;
        for (int i = from; i < to; i++) {
            p *= shape[i];
        }
        return p;
    }
}
