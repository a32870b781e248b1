package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;

/**
 * A ufunc loop that runs on the device from host memory: strided inputs are gathered into the
 * plan's buffers, the kernel runs, the output is scattered back. Runs longer than the largest
 * size class go in pieces.
 */
final class ElementwiseLoop implements StridedLoop {
    private final Kernel kernel;
    private final PlanCache cache;
    private final StridedLoop onHost;
    private final int device;

    ElementwiseLoop(Kernel kernel, PlanCache cache, StridedLoop onHost, int device) {
        this.kernel = kernel;
        this.cache = cache;
        this.onHost = onHost;
        this.device = device;
    }

    @Override
    public void run(MemorySegment[] segs, long[] offs, long[] strides, long n) {
        Runnable host = onHost == null ? null : () -> onHost.run(segs, offs, strides, n);
        FailurePolicy.run(kernel, () -> runOnDevice(segs, offs, strides, n), host);
    }

    private void runOnDevice(MemorySegment[] segs, long[] offs, long[] strides, long n) {
        for (long done = 0; done < n; ) {
            int len = (int) Math.min(n - done, PlanCache.MAX_CAPACITY);
            piece(segs, offs, strides, done, len);
            done += len;
        }
    }

    private void piece(MemorySegment[] segs, long[] offs, long[] strides, long start, int len) {
        int out = segs.length - 1;
        while (true) {
            KernelPlan p = cache.get(kernel, len, device);
            p.lock().lock();
            try {
                if (p.isClosed()) {
                    continue; // evicted between lookup and lock: build it again
                }
                for (int k = 0; k < out; k++) {
                    DType t = kernel.types().get(k);
                    NativeBuffers.gather(segs[k], offs[k] + start * strides[k], strides[k], t, p.params[k], 0, len);
                }
                p.execute();
                NativeBuffers.scatter(p.params[out], 0, kernel.types().get(out), segs[out],
                        offs[out] + start * strides[out], strides[out], len);
                return;
            } finally {
                p.lock().unlock();
            }
        }
    }
}
