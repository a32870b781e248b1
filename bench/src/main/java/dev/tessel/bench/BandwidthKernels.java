package dev.tessel.bench;

import java.lang.foreign.MemorySegment;

/**
 * STREAM's copy over off-heap segments, part of the memory-bandwidth reference (triad is in
 * {@link TriadKernels}). It uses {@link MemorySegment#copy}, the JDK's own fastest path, and no
 * Vector API, so the runner can measure bandwidth even in a JVM without that module.
 */
final class BandwidthKernels {
    private BandwidthKernels() {}

    /** dst[i] = src[i] for i in [from, to), elements of {@code itemBytes} bytes. */
    static void copy(MemorySegment src, MemorySegment dst, int itemBytes, long from, long to) {
        MemorySegment.copy(src, from * itemBytes, dst, from * itemBytes, (to - from) * itemBytes);
    }
}
