package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.gpu.ChainSlots.Op;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.gpu.KernelTable.Kind;
import java.util.List;

/**
 * The chain ops of a resident reduction or matrix product on a {@link GpuDevice}: which task
 * functions run on which memories, with which int parameters, and what the CPU path runs
 * instead. An axis reduction is two tasks (chunk partials into device-only scratch, then their
 * fold per output), as in {@link AxisReductionLoop}; its CPU step hangs on the second.
 */
final class ResidentOps {
    private ResidentOps() {
    }

    /** Folds the middle axis of {@code src} seen as {@code (outer, n, inner)} into {@code dst}. */
    static List<Op> reduce(Kernel k, DType t, GpuMemory src, GpuMemory dst, int outer, int n, int inner) {
        int chunks = (n + Float32Kernels.CHUNK - 1) / Float32Kernels.CHUNK;
        int outputs = outer * inner;
        GpuMemory meta = GpuMemory.meta(outputs, n, inner, chunks);
        KernelTable.Stages st = (KernelTable.Stages) k.code();
        long parts = (long) outputs * chunks;
        GpuMemory values = new GpuMemory(parts * t.itemSize(), GpuMemory.Kind.SCRATCH);
        Runnable host = () -> AxisReductionLoop.hostFold(k, src.bytes(), 0, outer, n, inner, dst.bytes());
        Runnable none = () -> { };
        if (k.kind() == Kind.AXIS) {
            DType[] types = {t, DType.INT32, t};
            return List.of(new Op(k + " partials", st.partials(), types, new GpuMemory[] {src, meta, values}, 2, none),
                    new Op(k + " combine", st.combine(), types, new GpuMemory[] {values, meta, dst}, 2, host));
        }
        GpuMemory index = new GpuMemory(parts * Integer.BYTES, GpuMemory.Kind.SCRATCH);
        return List.of(new Op(k + " partials", st.partials(), new DType[] {t, DType.INT32, t, DType.INT32},
                        new GpuMemory[] {src, meta, values, index}, 2, none),
                new Op(k + " combine", st.combine(), new DType[] {t, DType.INT32, DType.INT32, DType.INT64},
                        new GpuMemory[] {values, index, meta, dst}, 3, host));
    }

    /** {@code c = a @ b}, row-major, {@code a} m x k and {@code b} k x n, with the untiled kernel. */
    static Op matmul(DType t, GpuMemory a, GpuMemory b, GpuMemory c, int m, int k, int n) {
        GpuMemory[] mems = {a, b, GpuMemory.meta(m, k, n), c};
        Object code = t == DType.FLOAT32 ? MatmulKernels.ROWS_F32 : MatmulKernels.ROWS_F64;
        return new Op("matmul[" + t.numpyName() + "]", code, new DType[] {t, t, DType.INT32, t}, mems, 3,
                () -> HostSteps.matmul(t, mems, m, k, n));
    }
}
