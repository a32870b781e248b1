package dev.tessel.gpu;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tessel.DType;
import dev.tessel.reference.ReferenceBackend;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tiled matmul kernel (a {@code KernelContext} kernel, so not runnable as Java) against a
 * host product computed in double and against the scalar reference: within the floating-point error bound of a length-k dot
 * product, {@code k * eps * sum |a_ip * b_pj|}. A is read transposed (F order) in one case.
 */
class DeviceMatmulTest {
    @ParameterizedTest(name = "{0} {1}x{3} @ {3}x{2} transposedA={4}")
    @CsvSource({
        "FLOAT32, 1, 1, 1, false", "FLOAT32, 17, 33, 5, true", "FLOAT32, 40, 24, 70, false",
        "FLOAT64, 1, 1, 1, false", "FLOAT64, 17, 33, 5, true", "FLOAT64, 40, 24, 70, false",
    })
    void matchesTheHostProduct(DType t, int m, int n, int k, boolean transposedA) {
        MemorySegment a = HostData.random(t, (long) m * k, 11);
        MemorySegment b = HostData.random(t, (long) k * n, 13);
        MemorySegment c = HostData.allocate(t, (long) m * n);
        long aRs = transposedA ? 1 : k;
        long aCs = transposedA ? m : 1;
        long runs = DeviceStats.runs(0);
        new DeviceMatmul(t, null).run(a, 0, aRs, aCs, b, 0, n, 1, c, 0, n, 1, m, n, k);
        assertTrue(DeviceStats.runs(0) > runs, "ran on the device");
        MemorySegment ref = HostData.allocate(t, (long) m * n);
        ReferenceBackend.INSTANCE.matmul(t).run(a, 0, aRs, aCs, b, 0, n, 1, ref, 0, n, 1, m, n, k);
        double eps = t == DType.FLOAT32 ? 0x1p-24 : 0x1p-53;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double exact = 0;
                double scale = 0;
                for (int p = 0; p < k; p++) {
                    double x = t.getDouble(a, i * aRs + p * aCs) * t.getDouble(b, (long) p * n + j);
                    exact += x;
                    scale += Math.abs(x);
                }
                double got = t.getDouble(c, (long) i * n + j);
                if (!(Math.abs(got - exact) <= (k + 2) * eps * scale)) {
                    fail(t + " C[" + i + "," + j + "] = " + got + ", host " + exact);
                }
                double r = t.getDouble(ref, (long) i * n + j);
                if (!(Math.abs(got - r) <= 2 * (k + 2) * eps * scale)) {
                    fail(t + " C[" + i + "," + j + "] = " + got + ", scalar reference " + r);
                }
            }
        }
    }
}
