package dev.tessel.gpu;

import dev.tessel.DType;
import java.lang.foreign.MemorySegment;
import uk.ac.manchester.tornado.api.types.arrays.ByteArray;
import uk.ac.manchester.tornado.api.types.arrays.DoubleArray;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.arrays.IntArray;
import uk.ac.manchester.tornado.api.types.arrays.LongArray;
import uk.ac.manchester.tornado.api.types.arrays.TornadoNativeArray;

/**
 * TornadoVM's off-heap arrays for Tessel dtypes, and the strided copies between them and a
 * host {@link MemorySegment}. A dense run is one bulk copy; other strides (negative, zero for a
 * broadcast scalar) go element by element.
 */
final class NativeBuffers {
    private NativeBuffers() {
    }

    static TornadoNativeArray allocate(DType type, int capacity) {
        return switch (type) {
            case FLOAT32 -> new FloatArray(capacity);
            case FLOAT64 -> new DoubleArray(capacity);
            case INT32 -> new IntArray(capacity);
            case INT64 -> new LongArray(capacity);
            case BOOL -> new ByteArray(capacity);
            default -> throw new IllegalArgumentException("no device buffer for dtype " + type);
        };
    }

    /** Copies {@code n} strided host elements into positions {@code [at, at+n)} of {@code dst}. */
    static void gather(MemorySegment src, long off, long stride, DType type, TornadoNativeArray dst,
                       long at, long n) {
        MemorySegment d = dst.getSegment();
        int size = type.itemSize();
        if (stride == 1) {
            MemorySegment.copy(src, off * size, d, at * size, n * size);
            return;
        }
        for (long i = 0; i < n; i++) {
            type.copyElement(src, off + i * stride, d, at + i);
        }
    }

    /** Copies positions {@code [at, at+n)} of {@code src} out to {@code n} strided host elements. */
    static void scatter(TornadoNativeArray src, long at, DType type, MemorySegment dst, long off,
                        long stride, long n) {
        MemorySegment s = src.getSegment();
        int size = type.itemSize();
        if (stride == 1) {
            MemorySegment.copy(s, at * size, dst, off * size, n * size);
            return;
        }
        for (long i = 0; i < n; i++) {
            type.copyElement(s, at + i, dst, off + i * stride);
        }
    }
}
