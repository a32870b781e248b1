package dev.tessel.spi;

import java.lang.foreign.MemorySegment;

/**
 * Position (0 to n-1) of the first minimum or maximum of a non-empty strided run; for floats
 * the first NaN wins, as in NumPy.
 */
@FunctionalInterface
public interface ArgLoop {
    long run(MemorySegment in, long off, long stride, long n);
}
