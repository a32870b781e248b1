package dev.tessel.spi;

import java.lang.foreign.MemorySegment;

/**
 * Optional, the arg-reduction counterpart of {@link AxisReduceLoop}: for each output of the
 * {@code (outer, n, inner)} block, the position (0 to n-1) of the first minimum or maximum along
 * the middle axis (the first NaN wins for floats), written as int64 into {@code out}, contiguous
 * from element 0; {@code n > 0}.
 */
@FunctionalInterface
public interface AxisArgLoop {
    void run(MemorySegment in, long off, long outer, long n, long inner, MemorySegment out);
}
