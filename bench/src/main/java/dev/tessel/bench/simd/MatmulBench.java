package dev.tessel.bench.simd;

import dev.tessel.DType;
import dev.tessel.cpu.SimdBackend;
import dev.tessel.spi.MatmulKernel;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SIMD backend's matmul kernel on square C-order matrices, one thread. GFLOP/s =
 * 2 n^3 / time; compare with NumPy's {@code a @ b} under {@code OPENBLAS_NUM_THREADS=1}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MatmulBench {
    @Param({"256", "1024", "2048"})
    public long n;

    @Param({"float32", "float64"})
    public String dtype;

    private MatmulKernel mm;
    private MemorySegment a;
    private MemorySegment b;
    private MemorySegment c;

    @Setup
    public void setUp() {
        DType t = DType.of(dtype);
        mm = new SimdBackend().matmul(t);
        a = Operands.filled(t, n * n, -1, 1, 11);
        b = Operands.filled(t, n * n, -1, 1, 12);
        c = Operands.filled(t, n * n, 0, 0, 13);
    }

    @Benchmark
    public void matmul() {
        mm.run(a, 0, n, 1, b, 0, n, 1, c, 0, n, 1, n, n, n);
    }
}
