package dev.tessel.spi;

import java.lang.foreign.MemorySegment;

/**
 * Optional, for backends that pay per launch (a GPU): folds the middle axis of a C-contiguous
 * block of shape {@code (outer, n, inner)} starting at element {@code off} of {@code in}, for
 * every output at once: {@code out[o] = fold(in[off + (o / inner) * n * inner + o % inner + j * inner],
 * j = 0..n-1)} for {@code o < outer * inner}, {@code out} contiguous from element 0 and of the
 * same dtype. The fold starts from the ufunc's identity ({@code add}, {@code multiply}) or the
 * first element ({@code maximum}, {@code minimum}, NaN propagating); {@code n > 0}. A whole-array
 * reduction is {@code (1, size, 1)}.
 */
@FunctionalInterface
public interface AxisReduceLoop {
    void run(MemorySegment in, long off, long outer, long n, long inner, MemorySegment out);
}
