package dev.tessel;

import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.OpKind;
import java.lang.foreign.MemorySegment;

/**
 * argmin and argmax along one axis, or over the flattened array ({@code axis == null}), as
 * int64 positions; ties go to the first occurrence and, for floats, the first NaN wins.
 */
final class ArgReduction {
    private ArgReduction() {
    }

    static NdArray argmax(NdArray a, Integer axis) {
        NdArray resident = DeviceFolds.tryArg("argmax", a, axis); // a lent to a device
        return resident != null ? resident : NamedReductions.gate("argmax", a, () -> arg("argmax", a, axis));
    }

    static NdArray argmin(NdArray a, Integer axis) {
        NdArray resident = DeviceFolds.tryArg("argmin", a, axis);
        return resident != null ? resident : NamedReductions.gate("argmin", a, () -> arg("argmin", a, axis));
    }

    static NdArray arg(String which, NdArray a, Integer axis) {
        NdArray x = axis == null && a.ndim() != 1 ? a.ravel() : a; // a 1-D array is its own ravel: no new view
        int ax = axis == null ? 0 : Shape.axis(axis, Math.max(a.ndim(), 0));
        if (x.ndim() == 0) {
            x = x.reshape(1);
        }
        DType ct = LoopResolution.computeType(x.dtype);
        if (ct != x.dtype) {
            x = Execution.copyAs(x, ct);
        }
        long n = x.shape[ax];
        long[] keptShape = Accumulation.without(x.shape, ax);
        NdArray res = NdArray.allocate(DType.INT64, keptShape);
        if (res.size() == 0) {
            return res;
        }
        if (n == 0) {
            throw new IllegalArgumentException("attempt to get " + which + " of an empty sequence");
        }
        Dispatch d = Dispatch.of(which, OpKind.REDUCTION, ct, x.size(), x.size() * ct.itemSize());
        if (AxisFold.tryArg(which, x, ax, res, d)) {
            return res; // one call of a backend that pays per launch (GPU)
        }
        ArgLoop loop = d.argLoop(which, ct);
        long[] otherStrides = Accumulation.without(x.strides, ax);
        long step = x.strides[ax];
        MemorySegment xs = x.segment();
        MemorySegment rs = res.segment();
        NdArray src = x;
        d.forEachRange(res.size(), 1, (s, e) -> {
            for (long o = s; o < e; o++) {
                long off = src.offset;
                long rem = o;
                for (int i = keptShape.length - 1; i >= 0; i--) {
                    off += (rem % keptShape[i]) * otherStrides[i];
                    rem /= keptShape[i];
                }
                DType.INT64.setLong(rs, o, loop.run(xs, off, step, n));
            }
        });
        return res;
    }
}
