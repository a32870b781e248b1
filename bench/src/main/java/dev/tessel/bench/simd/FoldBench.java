package dev.tessel.bench.simd;

import dev.tessel.DType;
import dev.tessel.cpu.SimdBackend;
import dev.tessel.spi.ArgLoop;
import dev.tessel.spi.ReduceLoop;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
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
 * Reductions of a contiguous FLOAT32 run, one thread: the SIMD backend's sum, max and argmax,
 * and {@link #naiveMax}, the one-accumulator {@code lanewise(MAX)} loop whose slowness the
 * Javadoc of the backend's fold class explains (kept here as the evidence).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class FoldBench {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    @Param({"1000", "100000", "1000000", "10000000"})
    public long size;

    private ReduceLoop sum;
    private ReduceLoop max;
    private ArgLoop argmax;
    private MemorySegment in;
    private MemorySegment out;

    @Setup
    public void setUp() {
        SimdBackend simd = new SimdBackend();
        sum = simd.reduceLoop("add", DType.FLOAT32);
        max = simd.reduceLoop("maximum", DType.FLOAT32);
        argmax = simd.argLoop("argmax", DType.FLOAT32);
        in = Operands.filled(DType.FLOAT32, size, -1, 1, 9);
        out = Operands.filled(DType.FLOAT32, 1, 0, 0, 10);
    }

    @Benchmark
    public float sum() {
        out.setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, 0, 0);
        sum.run(in, 0, 1, size, out, 0);
        return out.getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, 0);
    }

    @Benchmark
    public float max() {
        out.setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, 0, Float.NEGATIVE_INFINITY);
        max.run(in, 0, 1, size, out, 0);
        return out.getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, 0);
    }

    @Benchmark
    public long argmax() {
        return argmax.run(in, 0, 1, size);
    }

    @Benchmark
    public float naiveMax() {
        FloatVector m = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        long bound = size - size % S.length();
        for (long i = 0; i < bound; i += S.length()) {
            m = m.lanewise(VectorOperators.MAX, FloatVector.fromMemorySegment(S, in, i * Float.BYTES, ByteOrder.nativeOrder()));
        }
        return m.reduceLanes(VectorOperators.MAX);
    }
}
