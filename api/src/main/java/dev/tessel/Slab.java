package dev.tessel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Off-heap memory for small arrays, carved from per-thread slabs.
 *
 * <p>An automatic arena per allocation costs a native malloc, a zeroing and a {@code Cleaner}
 * registration: about a microsecond, which dominated a reduction to a scalar or a small ufunc
 * call. Small arrays (at most {@link #MAX_BYTES}) instead take the next 64-byte-aligned slice of
 * a {@link #SLAB_BYTES} slab from an automatic arena. A slice keeps its slab alive, so the slab
 * is freed once every array carved from it is unreachable; the price is that one long-lived
 * small array can keep up to {@link #SLAB_BYTES} reachable. Slabs are never reused, so every
 * slice starts zeroed, as the arena zeroed it.
 */
final class Slab {
    static final long MAX_BYTES = 256;
    static final long SLAB_BYTES = 16 * 1024;

    private static final ThreadLocal<Slab> CURRENT = ThreadLocal.withInitial(Slab::new);

    private MemorySegment slab = Arena.ofAuto().allocate(SLAB_BYTES, Storage.ALIGNMENT);
    private long next;

    private Slab() {
    }

    /** A zeroed, 64-byte-aligned segment of {@code bytes} (at most {@link #MAX_BYTES}). */
    static MemorySegment allocate(long bytes) {
        return CURRENT.get().slice(bytes);
    }

    private MemorySegment slice(long bytes) {
        long rounded = (bytes + Storage.ALIGNMENT - 1) & -Storage.ALIGNMENT;
        if (next + rounded > SLAB_BYTES) {
            slab = Arena.ofAuto().allocate(SLAB_BYTES, Storage.ALIGNMENT);
            next = 0;
        }
        MemorySegment s = slab.asSlice(next, bytes);
        next += rounded;
        return s;
    }
}
