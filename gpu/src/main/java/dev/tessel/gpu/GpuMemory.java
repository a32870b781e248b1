package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.spi.DeviceMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import uk.ac.manchester.tornado.api.types.arrays.TornadoNativeArray;

/**
 * The memory of one storage lent to a {@link GpuDevice}. The lent bytes are staged at
 * {@code copyIn}; the first kernel that uses them fixes their dtype and moves them into a
 * TornadoVM array of that type, which is what task graphs transfer and compute on.
 */
final class GpuMemory implements DeviceMemory {
    private final long bytes;
    private MemorySegment staged;
    private TornadoNativeArray typed;
    private DType type;

    GpuMemory(MemorySegment host) {
        this.bytes = host.byteSize();
        this.staged = Arena.ofAuto().allocate(Math.max(1, bytes), 64);
        MemorySegment.copy(host, 0, staged, 0, bytes);
    }

    @Override
    public long byteSize() {
        return bytes;
    }

    /** The TornadoVM array holding these bytes as {@code t}; fixed at first use. */
    TornadoNativeArray as(DType t) {
        if (typed == null) {
            if (bytes % t.itemSize() != 0 || bytes / t.itemSize() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a lent storage of " + bytes + " bytes cannot hold "
                        + t.numpyName() + " elements for a device kernel");
            }
            typed = NativeBuffers.allocate(t, (int) (bytes / t.itemSize()));
            MemorySegment.copy(staged, 0, typed.getSegment(), 0, bytes);
            staged = null;
            type = t;
        } else if (type != t) {
            throw new IllegalArgumentException("device memory holds " + type.numpyName() + ", not " + t.numpyName());
        }
        return typed;
    }

    /** The host-side bytes (the TornadoVM array's once typed). */
    MemorySegment hostSide() {
        return typed != null ? typed.getSegment() : staged;
    }
}
