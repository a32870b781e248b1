package dev.tessel.spi;

import java.lang.foreign.MemorySegment;

/**
 * Folds {@code rows} rows of {@code n} contiguous elements into a row of {@code n} contiguous
 * accumulators: {@code out[outOff + j] = op(...op(op(out[outOff + j], in[off + j]),
 * in[off + rowStride + j])..., in[off + (rows - 1) * rowStride + j])}. Rows are folded in
 * order, so the result has the same bits as folding them one at a time with the binary loop;
 * a kernel may keep a block of accumulators in registers across several rows, which is what
 * makes a sum down the columns of a C-order matrix stream at memory speed.
 */
@FunctionalInterface
public interface RowFold {
    void run(MemorySegment in, long off, long rowStride, long rows, long n, MemorySegment out, long outOff);
}
