package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ufunc loop that runs on the device from host memory: strided inputs are gathered into the
 * plan's buffers, the kernel runs, the output is scattered back. Runs longer than the largest
 * size class go in pieces.
 *
 * <p>With several devices ({@code tessel.gpu.devices}), a run of at least {@code splitMin}
 * elements is cut into one contiguous, disjoint range per device and the ranges run at once;
 * shorter runs go to the devices in turn (round robin), so independent ops spread out.
 */
final class ElementwiseLoop implements StridedLoop {
    /** Below this a second device costs more (its own transfer and launch) than it saves. */
    static final long SPLIT_MIN = 1 << 20;
    private static final AtomicInteger NEXT_DEVICE = new AtomicInteger();
    private static final ExecutorService SPLIT = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tessel-gpu-split");
        t.setDaemon(true);
        return t;
    });

    private final Kernel kernel;
    private final PlanCache cache;
    private final StridedLoop onHost;
    private final long splitMin;
    private final int device;

    /** A loop spread over all selected devices, split from {@code splitMin} elements. */
    static ElementwiseLoop acrossDevices(Kernel kernel, PlanCache cache, StridedLoop onHost, long splitMin) {
        return new ElementwiseLoop(kernel, cache, onHost, splitMin, -1);
    }

    /** A loop pinned to device {@code device}. */
    static ElementwiseLoop onDevice(Kernel kernel, PlanCache cache, StridedLoop onHost, int device) {
        return new ElementwiseLoop(kernel, cache, onHost, Long.MAX_VALUE, device);
    }

    private ElementwiseLoop(Kernel kernel, PlanCache cache, StridedLoop onHost, long splitMin, int device) {
        this.kernel = kernel;
        this.cache = cache;
        this.onHost = onHost;
        this.splitMin = splitMin;
        this.device = device;
    }

    @Override
    public void run(MemorySegment[] segs, long[] offs, long[] strides, long n) {
        Runnable host = onHost == null ? null : () -> onHost.run(segs, offs, strides, n);
        FailurePolicy.run(kernel, () -> runOnDevices(segs, offs, strides, n), host);
    }

    private void runOnDevices(MemorySegment[] segs, long[] offs, long[] strides, long n) {
        int devices = device >= 0 ? 1 : DeviceRegistry.selected().size();
        if (devices == 1 || n < splitMin) {
            int d = device >= 0 ? device : Math.floorMod(NEXT_DEVICE.getAndIncrement(), devices);
            runRange(d, segs, offs, strides, 0, n);
            return;
        }
        long per = (n + devices - 1) / devices;
        List<Future<?>> others = new ArrayList<>();
        for (int d = 1; d < devices && d * per < n; d++) {
            int dev = d;
            long start = d * per;
            long len = Math.min(per, n - start);
            others.add(SPLIT.submit(() -> runRange(dev, segs, offs, strides, start, len)));
        }
        RuntimeException first = null;
        try {
            runRange(0, segs, offs, strides, 0, Math.min(per, n));
        } catch (RuntimeException e) {
            first = e;
        }
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while devices ran " + kernel, e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void runRange(int dev, MemorySegment[] segs, long[] offs, long[] strides, long start, long n) {
        for (long done = 0; done < n; ) {
            int len = (int) Math.min(n - done, PlanCache.MAX_CAPACITY);
            piece(dev, segs, offs, strides, start + done, len);
            done += len;
        }
    }

    private void piece(int dev, MemorySegment[] segs, long[] offs, long[] strides, long start, int len) {
        int out = segs.length - 1;
        while (true) {
            KernelPlan p = cache.get(kernel, len, dev);
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
