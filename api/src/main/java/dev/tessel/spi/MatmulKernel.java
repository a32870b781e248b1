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

    /**
     * This kernel for the calls of one product, all of which pass this B (a caller that splits
     * C by rows calls it once and then the result once per block, from any thread). A backend
     * may prepare B here, once, for every block: the SIMD backend packs it into its panels
     * instead of packing all of B in each call. The default prepares nothing.
     */
    default MatmulKernel forB(MemorySegment b, long bOff, long bRowStride, long bColStride, long n, long k) {
        return this;
    }
}
