package dev.tessel;

import dev.tessel.spi.OpKind;
import dev.tessel.spi.ReduceLoop;
import java.util.Arrays;

/**
 * {@code ufunc.reduce}: over one axis, several, or all; with keepdims, initial, where and out.
 *
 * <p>Two strategies, chosen by where the input's fastest-moving axis is. When it is reduced,
 * each output folds its own runs with the backend's {@link ReduceLoop} (pairwise for float
 * add), outputs spread over the engine's ranges; a long single run is cut into blocks whose
 * size depends only on its length, folded in parallel and combined in a fixed pairwise order,
 * so the result never depends on how the engine split the work. When the fastest axis is
 * kept, whole slices are folded into the output with the binary loop, as NumPy does, so
 * memory streams forward instead of striding once per output.
 *
 * <p>The result starts from {@code initial}, else the ufunc's identity (so a sum of {@code
 * [-0.0]} is {@code 0.0}, as NumPy's), else the first element; an empty reduction without
 * either fails as NumPy's does. A {@code where} mask replaces masked-out elements by that
 * starting value.
 */
final class Reduction {
    private static final long SLICE_MIN_OUTPUTS = 16;

    private Reduction() {
    }

    static NdArray reduce(Ufunc u, NdArray a, int[] axes, DType dtype, NdArray out, boolean keepdims, Double initial,
                          NdArray where) {
        DType lt = ReduceTypes.of(u, a.dtype, loopType(a, dtype, out));
        DType ct = LoopResolution.computeType(lt);
        boolean[] reduced = reducedAxes(u, a.ndim(), axes);
        long[] kept = keptShape(a.shape, reduced, false);
        Double init = initial != null ? initial : u.identityOrNull();
        NdArray x = a;
        if (where != null) {
            x = masked(u, a, where, init, ct);
        } else if (x.dtype != ct) {
            x = Execution.copyAs(x, ct);
        }
        NdArray res = NdArray.allocate(ct, kept);
        if (res.size() > 0) {
            if (reducedSize(a.shape, reduced) == 0) {
                if (init == null) {
                    throw new IllegalArgumentException("zero-size array to reduction operation " + u.name()
                            + " which has no identity");
                }
                Assign.fill(res, init);
            } else {
                compute(u, x, reduced, res, init);
            }
        }
        NdArray result = res.dtype == lt ? res : Execution.copyAs(res, lt);
        if (keepdims) {
            result = result.reshape(keptShape(a.shape, reduced, true));
        }
        return toOut(u.name() + ".reduce", result, out);
    }

    static boolean[] reducedAxes(Ufunc u, int ndim, int[] axes) {
        boolean[] r = new boolean[ndim];
        if (axes == null) {
            Arrays.fill(r, true);
            if (ndim > 1 && !u.isReorderable()) {
                throw notReorderable(u);
            }
            return r;
        }
        int[] norm = Shape.axes(axes, ndim);
        if (norm.length > 1 && !u.isReorderable()) {
            throw notReorderable(u);
        }
        for (int ax : norm) {
            r[ax] = true;
        }
        return r;
    }

    private static IllegalArgumentException notReorderable(Ufunc u) {
        return new IllegalArgumentException("reduction operation '" + u.name()
                + "' is not reorderable, so at most one axis may be specified");
    }

    static long[] keptShape(long[] shape, boolean[] reduced, boolean keepdims) {
        int n = 0;
        for (int i = 0; i < shape.length; i++) {
            n += !reduced[i] || keepdims ? 1 : 0;
        }
        long[] k = new long[n];
        int j = 0;
        for (int i = 0; i < shape.length; i++) {
            if (!reduced[i]) {
                k[j++] = shape[i];
            } else if (keepdims) {
                k[j++] = 1;
            }
        }
        return k;
    }

    static long reducedSize(long[] shape, boolean[] reduced) {
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (reduced[i]) {
                n *= shape[i];
            }
        }
        return n;
    }

    /**
     * {@code where(mask, a, neutral)} in the compute dtype, where {@code neutral} cannot change
     * the result: the identity; for subtract, 0 (a right identity); for maximum and friends,
     * which are idempotent, the initial value itself.
     */
    private static NdArray masked(Ufunc u, NdArray a, NdArray where, Double init, DType ct) {
        if (init == null) {
            throw new IllegalArgumentException("reduction operation '" + u.name()
                    + "' does not have an identity, so to use a where mask one has to specify 'initial'");
        }
        Double neutral = u.identityOrNull();
        if (neutral == null) {
            neutral = switch (u.name()) {
                case "subtract" -> 0.0;
                case "maximum", "minimum", "fmax", "fmin" -> init;
                default -> throw new IllegalArgumentException("reduction operation '" + u.name()
                        + "' has no neutral element, so it cannot take a where mask");
            };
        }
        NdArray fillValue = Nd.scalar(neutral, ct);
        NdArray src = a.dtype == ct ? a : Execution.copyAs(a, ct);
        NdArray full = src.broadcastTo(Shape.broadcast(src.shape, where.shape));
        if (!Arrays.equals(full.shape, a.shape)) {
            throw new ShapeException("where mask of shape " + Shape.format(where.shape)
                    + " does not broadcast to the reduced array's shape " + Shape.format(a.shape));
        }
        return UfuncCall.execute(Ufuncs.WHERE, new Object[] {where, src, fillValue}, null, null, ct, Casting.UNSAFE)[0];
    }

    /**
     * The dtype to fold in: the one asked for, else out's when the input casts to it safely
     * (NumPy resolves a reduction's loop with out's dtype fixed, so int16 into a float32 out
     * multiplies in float32 and keeps the sign of a zero), else null (the default).
     */
    static DType loopType(NdArray a, DType dtype, NdArray out) {
        if (dtype != null || out == null) {
            return dtype;
        }
        return DType.canCast(a.dtype, out.dtype, Casting.SAFE) ? out.dtype : null;
    }

    /**
     * Writes {@code result} into {@code out} when given (same shape), else returns it. The cast
     * is unsafe, as NumPy's reduce and accumulate do it (a float sum into an int64 out truncates).
     */
    static NdArray toOut(String op, NdArray result, NdArray out) {
        if (out == null) {
            return result;
        }
        if (!Arrays.equals(out.shape, result.shape)) {
            throw new ShapeException(op + ": output parameter has shape " + Shape.format(out.shape)
                    + " but the result has shape " + Shape.format(result.shape));
        }
        out.checkWritable();
        Assign.copy(result, out);
        return out;
    }

    private static void compute(Ufunc u, NdArray x, boolean[] reduced, NdArray res, Double init) {
        DType ct = res.dtype;
        Dispatch d = Dispatch.of(u.name() + ".reduce", OpKind.REDUCTION, ct, x.size(), x.size() * ct.itemSize());
        if (AxisFold.tryReduce(u, x, reduced, res, init, d)) {
            return; // one call of a backend that pays per launch (GPU)
        }
        int fastest = fastestAxis(x);
        // Folding whole slices pays when there are enough outputs to stream; a handful of
        // outputs fold their own (strided) runs instead.
        if (fastest < 0 || reduced[fastest] || res.size() < SLICE_MIN_OUTPUTS) {
            new RunFold(u, x, reduced, res, init, d).run();
        } else {
            SliceFold.run(u, x, reduced, res, init, d);
        }
    }

    /** The axis (of length > 1) with the smallest stride, or -1 when there is none. */
    private static int fastestAxis(NdArray x) {
        int best = -1;
        for (int i = 0; i < x.ndim(); i++) {
            if (x.shape[i] > 1 && (best < 0 || Math.abs(x.strides[i]) < Math.abs(x.strides[best]))) {
                best = i;
            }
        }
        return best;
    }

}
