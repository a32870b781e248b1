package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.reference.ReferenceBackend;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * What a {@link GpuDevice} chain runs on the CPU when the failure policy sends it there: the
 * scalar reference's loops over the host sides of the chain's memories, op by op.
 */
final class HostSteps {
    private HostSteps() {
    }

    /** A broadcast kernel's work: the scalar copied over the whole scratch buffer. */
    static void broadcast(DType t, GpuMemory[] mems) {
        MemorySegment from = mems[0].bytes();
        MemorySegment to = mems[1].bytes();
        long n = mems[1].byteSize() / t.itemSize();
        for (long i = 0; i < n; i++) {
            t.copyElement(from, 0, to, i);
        }
    }

    /** An elementwise kernel's work: the reference loop over contiguous operands. */
    static void elementwise(Kernel k, GpuMemory[] mems) {
        MemorySegment[] segs = new MemorySegment[mems.length];
        for (int i = 0; i < segs.length; i++) {
            segs[i] = mems[i].bytes();
        }
        DType[] types = k.types().toArray(DType[]::new);
        long n = mems[segs.length - 1].byteSize() / types[segs.length - 1].itemSize();
        long[] ones = new long[segs.length];
        Arrays.fill(ones, 1);
        ReferenceBackend.INSTANCE.loop(k.ufunc(), types).run(segs, new long[segs.length], ones, n);
    }

    /** The reference matmul over row-major {@code (a, b, meta, c)}. */
    static void matmul(DType t, GpuMemory[] mems, int m, int k, int n) {
        ReferenceBackend.INSTANCE.matmul(t).run(mems[0].bytes(), 0, k, 1, mems[1].bytes(), 0, n, 1,
                mems[3].bytes(), 0, n, 1, m, n, k);
    }
}
