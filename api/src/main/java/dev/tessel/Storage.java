package dev.tessel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The memory behind one or more {@link NdArray} views: a native-order {@link MemorySegment}.
 *
 * <p>Storage never changes size. Memory Tessel allocates is off-heap, 64-byte aligned (one
 * cache line, and a whole AVX-512 vector), and freed by the garbage collector once no view
 * refers to it. Storage can also wrap a Java array or a caller's segment without copying.
 */
public final class Storage {
    /** Alignment of every allocation, in bytes. */
    public static final long ALIGNMENT = 64;

    private final MemorySegment segment;
    private final boolean readOnly;

    private Storage(MemorySegment segment, boolean readOnly) {
        this.segment = segment;
        this.readOnly = readOnly;
    }

    /** Fresh zero-filled off-heap storage of {@code bytes} bytes. */
    static Storage allocate(long bytes) {
        MemorySegment seg = Arena.ofAuto().allocate(Math.max(bytes, 1), ALIGNMENT);
        return new Storage(seg, false);
    }

    /** Storage over an existing segment (a wrapped Java array, a mapped file, a caller's segment). */
    static Storage of(MemorySegment segment, boolean readOnly) {
        return new Storage(segment, readOnly || segment.isReadOnly());
    }

    /** The segment; backends read and write it through views' offsets and strides. */
    public MemorySegment segment() {
        return segment;
    }

    public long byteSize() {
        return segment.byteSize();
    }

    /** True for storage that can never be written (a read-only memory map). */
    public boolean isReadOnly() {
        return readOnly;
    }
}
