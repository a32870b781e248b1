package dev.tessel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The memory behind one or more {@link NdArray} views: a native-order {@link MemorySegment}.
 *
 * <p>Storage never changes size. Memory Tessel allocates is off-heap, 64-byte aligned (one
 * cache line, and a whole AVX-512 vector; from 4 MiB on, 2 MiB aligned and advised onto huge
 * pages, see {@link HugePageMemory}), and freed by the garbage collector once no view
 * refers to it (Tessel asks for a collection every gigabyte or so of large arrays, see
 * {@link OffHeapGarbage}), or, when allocated inside a {@link Scope}, when that scope closes. Storage can also wrap a Java array or a caller's segment without copying.
 */
public final class Storage {
    /** Alignment of every allocation, in bytes. */
    public static final long ALIGNMENT = 64;

    private final MemorySegment segment;
    private final boolean readOnly;
    /** Who holds which byte ranges; shared by every view (see {@link Ownership}). */
    final Ledger ledger = new Ledger();
    /** The device this storage is lent to, or null while the host owns it. */
    volatile DeviceLoan loan;

    private Storage(MemorySegment segment, boolean readOnly) {
        this.segment = segment;
        this.readOnly = readOnly;
    }

    /**
     * Fresh off-heap storage of {@code bytes} bytes, zero-filled if {@code zeroed}; otherwise
     * its contents are undefined where memory is reused (for results their op overwrites whole).
     */
    static Storage allocate(long bytes, boolean zeroed) {
        Scope scope = Scope.current();
        if (scope != null) {
            return scope.allocate(bytes);
        }
        long size = Math.max(bytes, 1);
        OffHeapGarbage.allocating(size);
        MemorySegment seg = size <= Slab.MAX_BYTES ? Slab.allocate(size) : HugePageMemory.allocate(size, zeroed);
        if (seg == null) {
            seg = Arena.ofAuto().allocate(size, ALIGNMENT);
        }
        return new Storage(seg, false);
    }

    /** Storage over an existing segment (a wrapped Java array, a mapped file, a caller's segment). */
    static Storage of(MemorySegment segment, boolean readOnly) {
        return new Storage(segment, readOnly || segment.isReadOnly());
    }

    /** The segment; backends read and write it through views' offsets and strides. */
    public MemorySegment segment() {
        if (ledger.isClosed()) {
            throw ClosedArrayException.of(ledger.id, "segment()");
        }
        return segment;
    }

    public long byteSize() {
        return segment.byteSize();
    }

    /** Identifies this storage in ownership messages ({@code storage #id}). */
    public long id() {
        return ledger.id;
    }

    /** True for storage that can never be written (a read-only memory map). */
    public boolean isReadOnly() {
        return readOnly;
    }
}
