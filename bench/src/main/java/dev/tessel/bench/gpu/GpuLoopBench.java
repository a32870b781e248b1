package dev.tessel.bench.gpu;

import dev.tessel.DType;
import dev.tessel.spi.AxisReduceLoop;
import dev.tessel.spi.Backend;
import dev.tessel.spi.MatmulKernel;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The GPU backend's loops in steady state (plans built and compiled during warm-up), called
 * from host memory: every call sends its inputs to the device and brings its output back, so
 * these are the "with transfers" figures. float32.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GpuLoopBench {
    /** Columns of the axis-0 sum cases. */
    private static final int COLS = 256;

    @Param({"65536", "4194304"})
    public long size;

    private StridedLoop add;
    private ReduceLoop sum;
    private AxisReduceLoop sumAxis;
    private MatmulKernel matmul;
    private MemorySegment cols;
    private MemorySegment[] abc;
    private MemorySegment acc;
    private MemorySegment ma;
    private MemorySegment mb;
    private MemorySegment mc;
    private final long[] offs = new long[3];
    private final long[] unit = {1, 1, 1};

    @Setup
    public void setUp() {
        DType f = DType.FLOAT32;
        Backend gpu = GpuBackends.gpu();
        add = gpu.loop("add", new DType[] {f, f, f});
        sum = gpu.reduceLoop("add", f);
        sumAxis = gpu.axisReduceLoop("add", f);
        cols = GpuBackends.filled(f, COLS, 0);
        matmul = gpu.matmul(f);
        abc = new MemorySegment[] {GpuBackends.filled(f, size, 1), GpuBackends.filled(f, size, 2),
            GpuBackends.filled(f, size, 3)};
        acc = GpuBackends.filled(f, 1, 0);
        ma = GpuBackends.filled(f, 256 * 256, 4);
        mb = GpuBackends.filled(f, 256 * 256, 5);
        mc = GpuBackends.filled(f, 256 * 256, 6);
    }

    /** c = a + b: 3 * size * 4 bytes cross the bus. */
    @Benchmark
    public MemorySegment addWithTransfers() {
        add.run(abc, offs, unit, size);
        return abc[2];
    }

    /** sum(a): size * 4 bytes in, one partial per 128 elements out. */
    @Benchmark
    public MemorySegment sumWithTransfers() {
        acc.set(java.lang.foreign.ValueLayout.JAVA_FLOAT, 0, 0f);
        sum.run(abc[0], 0, 1, size, acc, 0);
        return acc;
    }

    /**
     * sum(axis=0) of a (size / 256, 256) matrix as the engine now runs it on the GPU: one launch
     * (chunk partials and their fold per column in one graph), size * 4 bytes in, 256 sums out.
     */
    @Benchmark
    public MemorySegment sumAxis0OneLaunch() {
        sumAxis.run(abc[0], 0, 1, size / COLS, COLS, cols);
        return cols;
    }

    /** The same sum(axis=0) as before one-launch reductions: one device launch per column (256). */
    @Benchmark
    public MemorySegment sumAxis0RunByRun() {
        for (int j = 0; j < COLS; j++) {
            cols.setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, j, 0f);
            sum.run(abc[0], j, COLS, size / COLS, cols, j);
        }
        return cols;
    }

    /** A 256 x 256 x 256 float32 product (2 * 256^3 flops), tiled kernel, with transfers. */
    @Benchmark
    public MemorySegment matmul256() {
        matmul.run(ma, 0, 256, 1, mb, 0, 256, 1, mc, 0, 256, 1, 256, 256, 256);
        return mc;
    }
}
