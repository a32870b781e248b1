package dev.tessel.bench.gpu;

import dev.tessel.DType;
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
 * The first call of a GPU loop in a fresh JVM: building the task graph, TornadoVM's JIT of
 * the kernel and the OpenCL build, then one run. Compare with {@link GpuLoopBench#addWithTransfers}
 * (steady state) to see what the plan cache saves. Each fork measures one first call.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(3)
public class GpuFirstCallBench {
    private static final long SIZE = 65536;
    private StridedLoop add;
    private MemorySegment[] abc;

    @Setup
    public void setUp() {
        DType f = DType.FLOAT32;
        add = GpuBackends.gpu().loop("add", new DType[] {f, f, f});
        abc = new MemorySegment[] {GpuBackends.filled(f, SIZE, 1), GpuBackends.filled(f, SIZE, 2),
            GpuBackends.filled(f, SIZE, 3)};
    }

    @Benchmark
    public MemorySegment firstAdd() {
        add.run(abc, new long[3], new long[] {1, 1, 1}, SIZE);
        return abc[2];
    }
}
