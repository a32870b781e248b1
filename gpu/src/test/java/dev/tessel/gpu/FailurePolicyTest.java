package dev.tessel.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.Config.GpuFallback;
import dev.tessel.DType;
import dev.tessel.gpu.KernelTable.Kernel;
import dev.tessel.gpu.KernelTable.Kind;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

/**
 * A kernel TornadoVM cannot compile (it allocates) never yields a wrong answer: with
 * {@code error} the call raises and the output keeps its old contents; with {@code warn} and
 * {@code allow} the CPU loop computes it.
 */
class FailurePolicyTest {
    private static final int N = 100;

    /** Not compilable for a device: Objects.hash allocates a varargs array. */
    public static void uncompilable(FloatArray a, FloatArray c) {
        for (@Parallel int i = 0; i < c.getSize(); i++) {
            c.set(i, Objects.hash(a.get(i)));
        }
    }

    /** The same function on the host. */
    private static final StridedLoop ON_HOST = (segs, offs, strides, n) -> {
        for (long i = 0; i < n; i++) {
            float x = (float) DType.FLOAT32.getDouble(segs[0], offs[0] + i * strides[0]);
            DType.FLOAT32.setDouble(segs[1], offs[1] + i * strides[1], Objects.hash(x));
        }
    };

    @AfterEach
    void unpin() {
        GpuSettings.pinFallback(null);
    }

    @Test
    void errorRaisesAndLeavesTheOutputAlone() {
        GpuSettings.pinFallback(GpuFallback.ERROR);
        Kernel k = kernel("uncompilableError");
        MemorySegment[] segs = operands();
        GpuExecutionException e = assertThrows(GpuExecutionException.class, () -> run(k, segs));
        assertTrue(e.getMessage().contains("uncompilableError[float32, float32]"), e.getMessage());
        assertTrue(e.getMessage().contains("tessel.gpu.fallback=warn or allow"), e.getMessage());
        for (int i = 0; i < N; i++) {
            assertEquals(-7.0, DType.FLOAT32.getDouble(segs[1], i), "output untouched at " + i);
            assertEquals(i, DType.FLOAT32.getDouble(segs[0], i), "input untouched at " + i);
        }
        assertTrue(FailurePolicy.isBroken(k));
        // A second call fails the same way at once, without another compile.
        assertThrows(GpuExecutionException.class, () -> run(k, segs));
    }

    @Test
    void warnAndAllowRunTheCpuLoop() {
        for (GpuFallback f : List.of(GpuFallback.WARN, GpuFallback.ALLOW)) {
            GpuSettings.pinFallback(f);
            Kernel k = kernel("uncompilable" + f);
            MemorySegment[] segs = operands();
            run(k, segs);
            for (int i = 0; i < N; i++) {
                assertEquals((float) Objects.hash((float) i), DType.FLOAT32.getDouble(segs[1], i), 0.0, f + " at " + i);
            }
        }
    }

    private static Kernel kernel(String name) {
        KernelTable t = new KernelTable();
        t.unary(name, DType.FLOAT32, DType.FLOAT32, FailurePolicyTest::uncompilable);
        return t.find(Kind.ELEMENTWISE, name, List.of(DType.FLOAT32, DType.FLOAT32));
    }

    private static MemorySegment[] operands() {
        MemorySegment in = HostData.allocate(DType.FLOAT32, N);
        MemorySegment out = HostData.allocate(DType.FLOAT32, N);
        for (int i = 0; i < N; i++) {
            DType.FLOAT32.setDouble(in, i, i);
            DType.FLOAT32.setDouble(out, i, -7);
        }
        return new MemorySegment[] {in, out};
    }

    private static void run(Kernel k, MemorySegment[] segs) {
        ElementwiseLoop.onDevice(k, DeviceLoops.CACHE, ON_HOST, 0).run(segs, new long[2], new long[] {1, 1}, N);
    }
}
