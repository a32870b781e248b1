package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.gpu.KernelTable.Kind;
import dev.tessel.reference.ReferenceBackend;
import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.AxisArgLoop;
import dev.tessel.spi.AxisReduceLoop;
import dev.tessel.spi.ReduceLoop;
import java.lang.foreign.MemorySegment;

/**
 * A whole reduction (sum, prod, min, max along an axis, or of everything) or arg-reduction in
 * one device launch: the block {@code (outer, n, inner)} crosses once, one graph computes a
 * partial per chunk of {@link Float32Kernels#CHUNK} elements of every output's run and folds
 * each output's partials in order, and only the outputs come back. A block larger than the
 * biggest size class goes in slabs of whole outer rows (a few launches); one outer row larger
 * than that goes run by run through {@link ReductionLoop}/{@link ArgReductionLoop}.
 *
 * <p>Accuracy: each sum is a fold of chunk sums, the error growing with the chunk length plus
 * the number of chunks, as for {@link ReductionLoop}; the tests hold it to the reduction bound.
 */
final class AxisReductionLoop implements AxisReduceLoop, AxisArgLoop {
    private final Kernel kernel;
    private final PlanCache cache;
    private final int device;

    AxisReductionLoop(Kernel kernel, PlanCache cache, int device) {
        if (kernel.kind() != Kind.AXIS && kernel.kind() != Kind.AXIS_ARG) {
            throw new IllegalArgumentException("not an axis kernel: " + kernel);
        }
        this.kernel = kernel;
        this.cache = cache;
        this.device = device;
    }

    @Override
    public void run(MemorySegment in, long off, long outer, long n, long inner, MemorySegment out) {
        if (n < 1) {
            throw new IllegalArgumentException(kernel + ": the reduced length must be positive, got " + n);
        }
        FailurePolicy.run(kernel, () -> onDevice(in, off, outer, n, inner, out),
                () -> onHost(in, off, outer, n, inner, out));
    }

    private boolean isArg() {
        return kernel.kind() == Kind.AXIS_ARG;
    }

    private void onDevice(MemorySegment in, long off, long outer, long n, long inner, MemorySegment out) {
        long slab = n * inner;
        if (n < 2 || slab > PlanCache.MAX_CAPACITY) {
            runByRun(in, off, outer, n, inner, out);
            return;
        }
        long rows = Math.max(1, PlanCache.MAX_CAPACITY / slab);
        for (long r = 0; r < outer; r += rows) {
            piece(in, off + r * slab, (int) Math.min(rows, outer - r), (int) n, (int) inner, out, r * inner);
        }
    }

    private void piece(MemorySegment in, long off, int rows, int n, int inner, MemorySegment out, long at) {
        DType t = kernel.types().getFirst();
        int total = rows * n * inner;
        int outputs = rows * inner;
        int chunks = (n + Float32Kernels.CHUNK - 1) / Float32Kernels.CHUNK;
        while (true) {
            KernelPlan p = cache.get(kernel, total, device);
            p.lock().lock();
            try {
                if (p.isClosed()) {
                    continue; // evicted between lookup and lock: build it again
                }
                NativeBuffers.gather(in, off, 1, t, p.params[0], 0, total);
                p.setAxisMeta(outputs, n, inner, chunks);
                p.execute();
                NativeBuffers.scatter(p.params[p.params.length - 1], 0, isArg() ? DType.INT64 : t, out, at, 1, outputs);
                return;
            } finally {
                p.lock().unlock();
            }
        }
    }

    /** Rows too long for one launch: each output's run through the chunked device loop. */
    private void runByRun(MemorySegment in, long off, long outer, long n, long inner, MemorySegment out) {
        DType t = kernel.types().getFirst();
        if (isArg()) {
            Kernel k = KernelTable.STANDARD.find(Kind.ARG, kernel.ufunc(), kernel.types());
            eachRun(in, off, outer, n, inner, out, new ArgReductionLoop(k, cache, null, device), null, t);
        } else {
            Kernel k = KernelTable.STANDARD.find(Kind.REDUCTION, kernel.ufunc(), kernel.types());
            eachRun(in, off, outer, n, inner, out, null, new ReductionLoop(k, cache, null, device), t);
        }
    }

    /** The CPU path of the failure policy: the scalar reference's loops, one run per output. */
    private void onHost(MemorySegment in, long off, long outer, long n, long inner, MemorySegment out) {
        hostFold(kernel, in, off, outer, n, inner, out);
    }

    /** The scalar reference's result for axis kernel {@code k} (also the CPU path of resident chains). */
    static void hostFold(Kernel k, MemorySegment in, long off, long outer, long n, long inner, MemorySegment out) {
        DType t = k.types().getFirst();
        ReferenceBackend ref = ReferenceBackend.INSTANCE;
        boolean arg = k.kind() == Kind.AXIS_ARG;
        eachRun(in, off, outer, n, inner, out, arg ? ref.argLoop(k.ufunc(), t) : null,
                arg ? null : ref.reduceLoop(k.ufunc(), t), t);
    }

    private static void eachRun(MemorySegment in, long off, long outer, long n, long inner, MemorySegment out,
                                ArgLoop arg, ReduceLoop fold, DType t) {
        for (long o = 0; o < outer * inner; o++) {
            long base = off + (o / inner) * n * inner + o % inner;
            if (arg != null) {
                DType.INT64.setLong(out, o, arg.run(in, base, inner, n));
            } else {
                t.copyElement(in, base, out, o); // fold from the first element, as the identity-free ops need
                fold.run(in, base + inner, inner, n - 1, out, o);
            }
        }
    }
}
