package dev.tessel.gpu;

import dev.tessel.DType;
import dev.tessel.spi.MatmulKernel;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * {@link MatmulKernel} on the device from host memory: A and B are copied into zero-padded
 * row-major buffers, the tiled kernel runs, C is copied out. Plans are kept per padded shape,
 * a few at a time (each holds three matrices of device memory).
 */
final class DeviceMatmul implements MatmulKernel {
    private static final int PLANS = 8;
    private static final LinkedHashMap<List<Integer>, MatmulPlan> CACHE = new LinkedHashMap<>(16, 0.75f, true);

    private final DType type;
    private final MatmulKernel onHost;
    private final String name;

    DeviceMatmul(DType type, MatmulKernel onHost) {
        this.type = type;
        this.onHost = onHost;
        this.name = "matmul[" + type.numpyName() + "]";
    }

    @Override
    public void run(MemorySegment a, long aOff, long aRs, long aCs, MemorySegment b, long bOff, long bRs, long bCs,
                    MemorySegment c, long cOff, long cRs, long cCs, long m, long n, long k) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            // An empty sum: C is zeros. The device plan would gather rows of empty operands,
            // whose storage is a placeholder byte (seen in the conformance suite's empty cases).
            for (long i = 0; i < m; i++) {
                for (long j = 0; j < n; j++) {
                    type.setDouble(c, cOff + i * cRs + j * cCs, 0);
                }
            }
            return;
        }
        Runnable host = onHost == null ? null
                : () -> onHost.run(a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs, cCs, m, n, k);
        FailurePolicy.run(name, () -> {
            while (!runOnDevice(a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, cRs, cCs, m, n, k)) {
                // the plan was evicted between lookup and lock: look it up again
            }
        }, host);
    }

    @Override
    public String toString() {
        return name;
    }

    private boolean runOnDevice(MemorySegment a, long aOff, long aRs, long aCs, MemorySegment b, long bOff,
                                long bRs, long bCs, MemorySegment c, long cOff, long cRs, long cCs,
                                long m, long n, long k) {
        MatmulPlan p = plan(MatmulPlan.pad(m), MatmulPlan.pad(n), MatmulPlan.pad(Math.max(1, k)));
        p.lock().lock();
        try {
            if (p.isClosed()) {
                return false;
            }
            // Stale values from an earlier, larger product must not leak into the padding.
            p.a.getSegment().fill((byte) 0);
            p.b.getSegment().fill((byte) 0);
            for (long i = 0; i < m; i++) {
                NativeBuffers.gather(a, aOff + i * aRs, aCs, type, p.a, i * p.kPad, k);
            }
            for (long r = 0; r < k; r++) {
                NativeBuffers.gather(b, bOff + r * bRs, bCs, type, p.b, r * p.nPad, n);
            }
            p.execute();
            for (long i = 0; i < m; i++) {
                NativeBuffers.scatter(p.c, i * p.nPad, type, c, cOff + i * cRs, cCs, n);
            }
            return true;
        } finally {
            p.lock().unlock();
        }
    }

    private MatmulPlan plan(int mPad, int nPad, int kPad) {
        List<Integer> key = List.of(type.ordinal(), mPad, nPad, kPad);
        List<MatmulPlan> evicted = new ArrayList<>();
        MatmulPlan p;
        synchronized (CACHE) {
            p = CACHE.get(key);
            if (p == null || p.isClosed()) {
                p = new MatmulPlan(type, mPad, nPad, kPad, 0);
                CACHE.put(key, p);
                var it = CACHE.values().iterator();
                while (CACHE.size() > PLANS && it.hasNext()) {
                    evicted.add(it.next());
                    it.remove();
                }
            }
        }
        evicted.forEach(MatmulPlan::close);
        return p;
    }
}
