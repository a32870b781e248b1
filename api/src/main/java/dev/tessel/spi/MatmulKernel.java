package dev.tessel.spi;

import java.lang.foreign.MemorySegment;

/**
 * {@code C = A @ B} for an {@code m x k} matrix A and a {@code k x n} matrix B, each given by
 * segment, element offset, row stride and column stride. C is overwritten. A caller may split
 * the work by rows of C and call the kernel once per block.
 */
@FunctionalInterface
public interface MatmulKernel {
    void run(MemorySegment a, long aOff, long aRowStride, long aColStride,
             MemorySegment b, long bOff, long bRowStride, long bColStride,
             MemorySegment c, long cOff, long cRowStride, long cColStride,
             long m, long n, long k);
}
