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
 * The SIMD backend's contiguous binary loops called directly on MemorySegments, one thread:
 * {@code c = a + b}, {@code c = a * b}, and {@code d = a * b + c} as NumPy computes it (a
 * multiply into a temporary, then an add). Compare with NumPy's {@code np.add(a, b, out=c)}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ElementwiseBench {
    @Param({"1000", "100000", "1000000", "10000000"})
    public long size;

    @Param({"float32", "float64"})
    public String dtype;

    private StridedLoop add;
    private StridedLoop mul;
    private MemorySegment[] abc;
    private MemorySegment[] abt;
    private MemorySegment[] tcd;
    private long[] offs;
    private long[] unit;

    @Setup
    public void setUp() {
        DType t = DType.of(dtype);
        SimdBackend simd = new SimdBackend();
        DType[] types = {t, t, t};
        add = simd.loop("add", types);
        mul = simd.loop("multiply", types);
        MemorySegment a = Operands.filled(t, size, -1, 1, 1);
        MemorySegment b = Operands.filled(t, size, -1, 1, 2);
        MemorySegment c = Operands.filled(t, size, -1, 1, 3);
        MemorySegment tmp = Operands.filled(t, size, 0, 0, 4);
        MemorySegment d = Operands.filled(t, size, 0, 0, 5);
        abc = new MemorySegment[] {a, b, c};
        abt = new MemorySegment[] {a, b, tmp};
        tcd = new MemorySegment[] {tmp, c, d};
        offs = new long[3];
        unit = new long[] {1, 1, 1};
    }

    @Benchmark
    public void add() {
        add.run(abc, offs, unit, size);
    }

    @Benchmark
    public void multiply() {
        mul.run(abc, offs, unit, size);
    }

    @Benchmark
    public void multiplyAdd() {
        mul.run(abt, offs, unit, size);
        add.run(tcd, offs, unit, size);
    }
}
