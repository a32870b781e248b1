package dev.tessel;

import dev.tessel.spi.Layout;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;

/** Copies and conversions between views of the same shape: the loops behind copy, astype and assign. */
final class Assign {
    private Assign() {
    }

    /** Copies {@code src} into {@code dst} (same shape), converting dtype as an unsafe cast does. */
    static void copy(NdArray src, NdArray dst) {
        if (!java.util.Arrays.equals(src.shape, dst.shape)) {
            throw new ShapeException("could not broadcast input array from shape " + Shape.format(src.shape)
                    + " into shape " + Shape.format(dst.shape));
        }
        if (src.storage == dst.storage && Overlap.mayOverlap(src, dst)) {
            NdArray detached = NdArray.allocate(src.dtype, src.shape); // not src.copy(): the caller holds the leases
            copy(src, detached);
            src = detached;
        }
        Layout layout = new Layout(dst.shape, new long[][] {src.strides, dst.strides}, new long[] {src.offset, dst.offset},
                new MemorySegment[] {src.segment(), dst.segment()}, 1);
        layout.run(castLoop(src.dtype, dst.dtype), 0, layout.size());
    }

    static StridedLoop castLoop(DType from, DType to) {
        if (from == to) {
            int size = from.itemSize();
            return (segs, offs, strides, n) -> {
                if (strides[0] == 1 && strides[1] == 1) {
                    MemorySegment.copy(segs[0], offs[0] * size, segs[1], offs[1] * size, n * size);
                    return;
                }
                for (long i = 0; i < n; i++) {
                    from.copyElement(segs[0], offs[0] + i * strides[0], segs[1], offs[1] + i * strides[1]);
                }
            };
        }
        if (to.isFloating() || from.isFloating()) {
            return (segs, offs, strides, n) -> {
                for (long i = 0; i < n; i++) {
                    to.setDouble(segs[1], offs[1] + i * strides[1], from.getDouble(segs[0], offs[0] + i * strides[0]));
                }
            };
        }
        return (segs, offs, strides, n) -> {
            for (long i = 0; i < n; i++) {
                to.setLong(segs[1], offs[1] + i * strides[1], from.getLong(segs[0], offs[0] + i * strides[0]));
            }
        };
    }

    static void fill(NdArray dst, double value) {
        NdArray one = NdArray.allocate(dst.dtype);
        one.dtype.setDouble(one.segment(), 0, value);
        copy(one.broadcastTo(dst.shape), dst);
    }
}
