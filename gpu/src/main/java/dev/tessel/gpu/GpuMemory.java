package dev.tessel.gpu;

import dev.tessel.spi.DeviceMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One buffer a {@link GpuDevice} chain computes on: the memory of a storage lent to the device,
 * a scalar operand (one element), or a device-only scratch buffer. Its value lives in one of two
 * places: the host-side copy {@link #bytes()}, or, after a chain wrote it, the device buffer of
 * that chain's plan ({@link #residentIn}, slot {@link #residentSlot}), whose host side is stale
 * until the device copies it back on demand ({@code GpuDevice.fetch}).
 */
final class GpuMemory implements DeviceMemory {
    /** What the buffer holds, which decides whether it is counted and kept. */
    enum Kind {
        /** A lent storage's memory: read from the host once, written back only when the host asks. */
        LENT,
        /** A scalar operand: one element, sent with each run. */
        SCALAR,
        /** A scalar broadcast to full size on the device: written and read there, never copied either way. */
        SCRATCH,
        /** A kernel's few int parameters (an axis reduction's shape, a matmul's sides), sent with each run. */
        META
    }

    final Kind kind;
    private final long byteSize;
    private MemorySegment bytes;
    /** The plan whose device buffer holds the current value, or null when {@link #bytes()} does. */
    ChainPlan residentIn;
    int residentSlot;
    /** Set once the storage is gone: a chain still queued may write it, but it is never kept. */
    boolean freed;

    GpuMemory(MemorySegment host, Kind kind) {
        this.kind = kind;
        this.byteSize = host.byteSize();
        this.bytes = allocate(byteSize);
        MemorySegment.copy(host, 0, bytes, 0, byteSize);
    }

    /**
     * Memory whose contents a queued kernel writes before anything reads them (scratch, a
     * result born on the device): its host side is allocated, zeroed, only if it is ever needed.
     */
    GpuMemory(long byteSize, Kind kind) {
        this.kind = kind;
        this.byteSize = byteSize;
    }

    /** A {@link Kind#META} buffer holding {@code values} as int32. */
    static GpuMemory meta(int... values) {
        MemorySegment s = allocate(4L * values.length);
        for (int i = 0; i < values.length; i++) {
            s.setAtIndex(java.lang.foreign.ValueLayout.JAVA_INT, i, values[i]);
        }
        return new GpuMemory(s, Kind.META);
    }

    private static MemorySegment allocate(long size) {
        return Arena.ofAuto().allocate(Math.max(1, size), 64).asSlice(0, size);
    }

    /** The host-side copy; current only while {@link #residentIn} is null. */
    MemorySegment bytes() {
        if (bytes == null) {
            bytes = allocate(byteSize);
        }
        return bytes;
    }

    @Override
    public long byteSize() {
        return byteSize;
    }
}
