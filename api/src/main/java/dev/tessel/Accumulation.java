package dev.tessel;

import dev.tessel.spi.Layout;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * {@code ufunc.accumulate}: {@code r[0] = x[0]}, {@code r[i] = op(r[i-1], x[i])} along one axis,
 * in the accumulator dtype a reduction would use.
 *
 * <p>Long lines run as one call each of the reference backend's binary loop with the output
 * shifted by one element as its first input (the recurrence only holds for a loop that
 * processes elements strictly in order, which the reference promises and vector loops do
 * not). Short lines over a wide array step slice by slice with the placed backend's loop.
 */
final class Accumulation {
    private Accumulation() {
    }

    static NdArray accumulate(Ufunc u, NdArray a, int axis, DType dtype, NdArray out) {
        ReduceTypes.requireBinary(u, "accumulate");
        if (a.ndim() == 0) {
            throw new IllegalArgumentException("cannot accumulate on a scalar (0-d array)");
        }
        int ax = Shape.axis(axis, a.ndim());
        DType lt = ReduceTypes.of(u, a.dtype, Reduction.loopType(a, dtype, out));
        DType ct = LoopResolution.computeType(lt);
        NdArray x = a.dtype == ct ? a : Execution.copyAs(a, ct);
        NdArray res = NdArray.allocate(ct, a.shape);
        long n = a.shape[ax];
        if (res.size() > 0) {
            Assign.copy(take(x, ax, 0), take(res, ax, 0));
            Dispatch d = Dispatch.of(u.name() + ".accumulate", OpKind.REDUCTION, ct, res.size(), 2 * res.size() * ct.itemSize());
            long lines = res.size() / n;
            if (lines < n) {
                byLines(u, x, res, ax, d);
            } else {
                bySlices(u, x, res, ax, d);
            }
        }
        NdArray result = res.dtype == lt ? res : Execution.copyAs(res, lt);
        return Reduction.toOut(u.name() + ".accumulate", result, out);
    }

    private static void byLines(Ufunc u, NdArray x, NdArray res, int ax, Dispatch d) {
        DType ct = res.dtype;
        StridedLoop op = d.referenceLoop(u.name(), new DType[] {ct, ct, ct});
        long n = x.shape[ax];
        long[] otherShape = without(x.shape, ax);
        long[] xOther = without(x.strides, ax);
        long[] rOther = without(res.strides, ax);
        long xs = x.strides[ax];
        long rs = res.strides[ax];
        MemorySegment[] segs = {res.segment(), x.segment(), res.segment()};
        d.forEachRange(res.size() / n, 1, (s, e) -> {
            for (long line = s; line < e; line++) {
                long xo = x.offset;
                long ro = res.offset;
                long rem = line;
                for (int i = otherShape.length - 1; i >= 0; i--) {
                    long k = rem % otherShape[i];
                    rem /= otherShape[i];
                    xo += k * xOther[i];
                    ro += k * rOther[i];
                }
                op.run(segs, new long[] {ro, xo + xs, ro + rs}, new long[] {rs, xs, rs}, n - 1);
            }
        });
    }

    /** Wide arrays: one engine pass over the other axes; each range steps along the axis in order. */
    private static void bySlices(Ufunc u, NdArray x, NdArray res, int ax, Dispatch d) {
        DType ct = res.dtype;
        StridedLoop op = d.loop(u.name(), new DType[] {ct, ct, ct});
        NdArray cur = take(res, ax, 1);
        Layout layout = UfuncCall.layoutOf(new NdArray[] {take(res, ax, 0), take(x, ax, 1), cur}, cur.shape, 2);
        long n = x.shape[ax];
        long xs = x.strides[ax];
        long rs = res.strides[ax];
        d.forEachRange(layout.size(), UfuncCall.GRAIN, (s, e) -> {
            SliceFold.Shifted slice = new SliceFold.Shifted(op, 3);
            for (long i = 1; i < n; i++) {
                long step = i - 1;
                slice.deltas[0] = step * rs;
                slice.deltas[1] = step * xs;
                slice.deltas[2] = step * rs;
                layout.run(slice, s, e);
            }
        });
    }

    /** The view {@code a[..., i, ...]} with {@code axis} removed. */
    static NdArray take(NdArray a, int axis, long i) {
        return a.view(without(a.shape, axis), without(a.strides, axis), a.offset + i * a.strides[axis]);
    }

    static long[] without(long[] v, int axis) {
        long[] r = new long[v.length - 1];
        System.arraycopy(v, 0, r, 0, axis);
        System.arraycopy(v, axis + 1, r, axis, v.length - axis - 1);
        return r;
    }

    static long[] concat(long[] a, long[] b) {
        long[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
