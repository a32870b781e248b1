package dev.tessel.reference;

import dev.tessel.DType;
import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.Backend;
import dev.tessel.spi.MatmulKernel;
import dev.tessel.spi.ReduceLoop;
import dev.tessel.spi.RowFold;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;

/**
 * The scalar reference backend: plain Java loops for every ufunc, reduction and matmul. It is
 * the oracle the SIMD and GPU backends are checked against, and it runs everything when no
 * other backend is present.
 *
 * <p>Its loops process elements strictly in order, one at a time. {@code accumulate} relies on
 * that: it runs a binary loop whose first input is the output shifted back by one element.
 */
public final class ReferenceBackend implements Backend {
    public static final ReferenceBackend INSTANCE = new ReferenceBackend();

    private final LoopTable table = new LoopTable();

    private ReferenceBackend() {
        ArithmeticLoops.register(table);
        MathLoops.register(table);
        ComparisonLoops.register(table);
        BitwiseLoops.register(table);
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public StridedLoop loop(String ufunc, DType[] types) {
        return table.get(ufunc, types);
    }

    @Override
    public ReduceLoop reduceLoop(String ufunc, DType type) {
        return ReduceLoops.of(table, ufunc, type);
    }

    /** Rows one at a time with the binary loop: the order every faster row fold must reproduce. */
    @Override
    public RowFold rowFold(String ufunc, DType type) {
        StridedLoop op = loop(ufunc, new DType[] {type, type, type});
        if (op == null) {
            return null;
        }
        return (in, off, rowStride, rows, n, out, outOff) -> {
            MemorySegment[] segs = {out, in, out};
            long[] strides = {1, 1, 1};
            for (long r = 0; r < rows; r++) {
                op.run(segs, new long[] {outOff, off + r * rowStride, outOff}, strides, n);
            }
        };
    }

    @Override
    public ArgLoop argLoop(String which, DType type) {
        return ArgLoops.of(which, type);
    }

    @Override
    public MatmulKernel matmul(DType type) {
        return MatmulLoops.of(type);
    }
}
