package dev.tessel.bench.simd;

import dev.tessel.DType;
import dev.tessel.cpu.SimdBackend;
import dev.tessel.spi.ReduceLoop;
import dev.tessel.spi.StridedLoop;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Axis sums of a 1000 x 1000 C-order FLOAT32 matrix built from the SIMD kernels, one thread,
 * as the generic layer can drive them: axis 1 is one contiguous reduce per row; axis 0 is
 * either a strided reduce per column ({@link #axis0Strided}, scalar, cache-hostile) or an
 * elementwise {@code out = out + row} per row ({@link #axis0RowAdds}, contiguous SIMD), which
 * is how NumPy runs it too. Compare with {@code a.sum(axis=0)} and {@code a.sum(axis=1)}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class AxisSumBench {
    private static final long N = 1000;

    private ReduceLoop sum;
    private StridedLoop add;
    private MemorySegment a;
    private MemorySegment out;

    @Setup
    public void setUp() {
        SimdBackend simd = new SimdBackend();
        sum = simd.reduceLoop("add", DType.FLOAT32);
        add = simd.loop("add", new DType[] {DType.FLOAT32, DType.FLOAT32, DType.FLOAT32});
        a = Operands.filled(DType.FLOAT32, N * N, -1, 1, 21);
        out = Operands.filled(DType.FLOAT32, N, 0, 0, 22);
    }

    @Benchmark
    public MemorySegment axis1() {
        out.fill((byte) 0);
        for (long i = 0; i < N; i++) {
            sum.run(a, i * N, 1, N, out, i);
        }
        return out;
    }

    @Benchmark
    public MemorySegment axis0Strided() {
        out.fill((byte) 0);
        for (long j = 0; j < N; j++) {
            sum.run(a, j, N, N, out, j);
        }
        return out;
    }

    @Benchmark
    public MemorySegment axis0RowAdds() {
        out.fill((byte) 0);
        MemorySegment[] segs = {out, a, out};
        long[] offs = new long[3];
        long[] unit = {1, 1, 1};
        for (long i = 0; i < N; i++) {
            offs[0] = 0;
            offs[1] = i * N;
            offs[2] = 0;
            add.run(segs, offs, unit, N);
        }
        return out;
    }
}
