package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.spi.ArgLoop;
import java.lang.foreign.MemorySegment;

/**
 * argmin/argmax on the device: each work-item finds the first best element of its chunk, the
 * host picks the first best chunk. For floats the first NaN wins, as in NumPy.
 */
final class ArgReductionLoop implements ArgLoop {
    private final Kernel kernel;
    private final PlanCache cache;
    private final ArgLoop onHost;
    private final int device;
    private final boolean max;

    ArgReductionLoop(Kernel kernel, PlanCache cache, ArgLoop onHost, int device) {
        this.kernel = kernel;
        this.cache = cache;
        this.onHost = onHost;
        this.device = device;
        this.max = kernel.ufunc().equals("argmax");
    }

    @Override
    public long run(MemorySegment in, long off, long stride, long n) {
        if (n == 0) {
            throw new IllegalArgumentException(kernel.ufunc() + " of an empty sequence");
        }
        long[] result = new long[1];
        Runnable host = onHost == null ? null : () -> result[0] = onHost.run(in, off, stride, n);
        FailurePolicy.run(kernel, () -> result[0] = runOnDevice(in, off, stride, n), host);
        return result[0];
    }

    private long runOnDevice(MemorySegment in, long off, long stride, long n) {
        Best best = new Best();
        for (long done = 0; done < n; ) {
            int len = (int) Math.min(n - done, PlanCache.MAX_CAPACITY);
            piece(in, off + done * stride, stride, len, done, best);
            done += len;
        }
        return best.at;
    }

    private void piece(MemorySegment in, long off, long stride, int len, long base, Best best) {
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
                MemorySegment values = p.params[2].getSegment();
                MemorySegment index = p.params[3].getSegment();
                for (int c = 0; c < ReductionLoop.chunks(len); c++) {
                    best.offer(t, values, c, base + DType.INT32.getLong(index, c));
                }
                return;
            } finally {
                p.lock().unlock();
            }
        }
    }

    /** The running winner; offers arrive in index order, so strict comparison keeps the first. */
    private final class Best {
        long at = -1;
        double f;
        long i;

        void offer(DType t, MemorySegment values, int c, long index) {
            if (t.isFloating()) {
                double v = t.getDouble(values, c);
                if (at < 0 || (f == f && (v != v || (max ? v > f : v < f)))) {
                    f = v;
                    at = index;
                }
            } else {
                long v = t.getLong(values, c);
                if (at < 0 || (max ? v > i : v < i)) {
                    i = v;
                    at = index;
                }
            }
        }
    }
}
