package dev.tessel.bench;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.Tessel;
import dev.tessel.Ufuncs;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where splitting an op over threads starts to pay: the same public-API op on a thread budget
 * of 1 and of 2, with every {@code tessel.parallel.minElements.*} threshold set to 1 so that
 * the engine splits whenever the budget allows. For each op class the crossover is the
 * smallest size at which budget 2 is faster; the thresholds' defaults should sit at or above
 * it. {@code size} is the element count (elementwise, reduction) or the multiply-adds, the
 * matrices' side cubed (matmul: 32768 = two 32 x 32 matrices).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector",
    "-Dtessel.parallel.minElements.elementwise=1", "-Dtessel.parallel.minElements.reduction=1",
    "-Dtessel.parallel.minElements.matmul=1"})
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public class CrossoverBench {
    @Param({"4096", "16384", "32768", "65536", "262144"})
    public int size;

    @Param({"1", "2"})
    public int threads;

    private NdArray x;
    private NdArray y;
    private NdArray out;
    private NdArray m;
    private int side;

    @Setup(Level.Trial)
    public void setUp() {
        Tessel.setThreads(threads);
        x = Nd.linspace(0, 1, size, true, DType.FLOAT32);
        y = Nd.linspace(1, 2, size, true, DType.FLOAT32);
        out = Nd.empty(DType.FLOAT32, size);
        // A square matmul of side^3 = size multiply-adds: the same work count as the other ops.
        side = (int) Math.round(Math.cbrt(size));
        m = Nd.linspace(0, 1, (long) side * side, true, DType.FLOAT32).reshape(side, side);
    }

    @Benchmark
    public NdArray add() {
        return Ufuncs.ADD.call(new Object[] {x, y}, new NdArray[] {out}, null, null, null)[0];
    }

    @Benchmark
    public NdArray exp() {
        return Ufuncs.EXP.call(new Object[] {x}, new NdArray[] {out}, null, null, null)[0];
    }

    @Benchmark
    public NdArray sum() {
        return Ufuncs.ADD.reduce(x);
    }

    @Benchmark
    public NdArray matmul() {
        return Nd.matmul(m, m);
    }
}
