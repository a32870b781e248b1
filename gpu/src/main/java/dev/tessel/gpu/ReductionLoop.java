package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.spi.ReduceLoop;
import java.lang.foreign.MemorySegment;

/**
 * A reduction on the device: each work-item folds one chunk of {@link Float32Kernels#CHUNK}
 * elements into a partial, and the host combines the partials ({@link PartialCombiner}).
 *
 * <p>Why not TornadoVM's {@code @Reduce}: on PoCL it gives wrong sums at most sizes (and can
 * crash the JVM); per-chunk partials from a plain {@code @Parallel} loop are correct on every
 * device and need no atomics. The chunked sum's error grows with the chunk length plus the
 * log of the partial count, close to NumPy's pairwise sum with its 128-element blocks.
 */
final class ReductionLoop implements ReduceLoop {
    private final Kernel kernel;
    private final PlanCache cache;
    private final ReduceLoop onHost;
    private final int device;

    ReductionLoop(Kernel kernel, PlanCache cache, ReduceLoop onHost, int device) {
        this.kernel = kernel;
        this.cache = cache;
        this.onHost = onHost;
        this.device = device;
    }

    @Override
    public void run(MemorySegment in, long off, long stride, long n, MemorySegment out, long outOff) {
        if (n == 0) {
            return; // folding nothing leaves the accumulator as it is
        }
        Runnable host = onHost == null ? null : () -> onHost.run(in, off, stride, n, out, outOff);
        FailurePolicy.run(kernel, () -> runOnDevice(in, off, stride, n, out, outOff), host);
    }

    private void runOnDevice(MemorySegment in, long off, long stride, long n, MemorySegment out, long outOff) {
        DType t = kernel.types().getFirst();
        PartialCombiner partials = new PartialCombiner(kernel.ufunc(), t, n);
        for (long done = 0; done < n; ) {
            int len = (int) Math.min(n - done, PlanCache.MAX_CAPACITY);
            piece(in, off + done * stride, stride, len, partials);
            done += len;
        }
        partials.foldInto(out, outOff);
    }

    private void piece(MemorySegment in, long off, long stride, int len, PartialCombiner partials) {
        DType t = kernel.types().getFirst();
        while (true) {
            KernelPlan p = cache.get(kernel, len, device);
            p.lock().lock();
            try {
                if (p.isClosed()) {
                    continue;
                }
                NativeBuffers.gather(in, off, stride, t, p.params[0], 0, len);
                p.setLength(len);
                p.execute();
                partials.add(p.params[2].getSegment(), chunks(len));
                return;
            } finally {
                p.lock().unlock();
            }
        }
    }

    static int chunks(int len) {
        return (len + Float32Kernels.CHUNK - 1) / Float32Kernels.CHUNK;
    }
}
