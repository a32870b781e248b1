package dev.tessel.spi;

import java.lang.foreign.MemorySegment;

/**
 * A one-dimensional inner loop, the unit of work every backend provides.
 *
 * <p>Operand {@code k} (inputs first, then outputs) lives in {@code segs[k]}; iteration
 * {@code i} touches its element at index {@code offs[k] + i * strides[k]}, counted in elements
 * of that operand's dtype. A stride of 0 repeats one element (a broadcast scalar); negative
 * strides walk backwards. Broadcasting, axis merging and N-d iteration happen once, outside
 * the loop (see {@link Layout}), so a loop only ever sees one dimension.
 *
 * <p>Loops must not modify the arrays they are given, and must be safe to call from several
 * threads at once on disjoint output ranges.
 */
@FunctionalInterface
public interface StridedLoop {
    void run(MemorySegment[] segs, long[] offs, long[] strides, long n);
}
