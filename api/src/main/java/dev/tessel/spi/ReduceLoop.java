package dev.tessel.spi;

import java.lang.foreign.MemorySegment;

/** Folds a strided run into one accumulator element: {@code out[outOff] = op(out[outOff], fold(in))}. */
@FunctionalInterface
public interface ReduceLoop {
    void run(MemorySegment in, long off, long stride, long n, MemorySegment out, long outOff);
}
