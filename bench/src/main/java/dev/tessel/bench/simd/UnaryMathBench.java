package dev.tessel.bench.simd;

import dev.tessel.DType;
import dev.tessel.cpu.SimdBackend;
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
 * The SIMD backend's contiguous unary math loops, one thread. Inputs lie where each function
 * is interesting and finite: (0, 10) for log and sqrt, (-10, 10) for exp, sin, cos, tanh.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class UnaryMathBench {
    @Param({"exp", "log", "sin", "cos", "tanh", "sqrt"})
    public String ufunc;

    @Param({"1000", "100000", "1000000", "10000000"})
    public long size;

    @Param({"float32", "float64"})
    public String dtype;

    private StridedLoop loop;
    private MemorySegment[] segs;
    private long[] offs;
    private long[] unit;

    @Setup
    public void setUp() {
        DType t = DType.of(dtype);
        loop = new SimdBackend().loop(ufunc, new DType[] {t, t});
        boolean positive = ufunc.equals("log") || ufunc.equals("sqrt");
        segs = new MemorySegment[] {Operands.filled(t, size, positive ? 1e-3 : -10, 10, 7), Operands.filled(t, size, 0, 0, 8)};
        offs = new long[2];
        unit = new long[] {1, 1};
    }

    @Benchmark
    public void unary() {
        loop.run(segs, offs, unit, size);
    }
}
