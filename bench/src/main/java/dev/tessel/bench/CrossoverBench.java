package dev.tessel.bench;

import dev.tessel.DType;
import dev.tessel.Tessel;
import dev.tessel.spi.Engine;
import dev.tessel.spi.Engines;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.OpRequest;
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
 * Where splitting an op over threads starts to pay: the same tiled op on a budget of 1 and of
 * 2+ threads, with the engine's size thresholds set to 1 so that it always splits when the
 * budget allows. The crossover for an op class is the smallest size where the wider budget
 * is faster; {@code tessel.parallel.minElements.*} defaults come from it. The kernels are
 * plain Java loops that C2 vectorizes (elementwise) or not (the reduction's serial sum), so
 * they stand for memory-bound SIMD loops and for compute-heavier ones respectively.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dtessel.parallel.minElements.elementwise=1",
    "-Dtessel.parallel.minElements.reduction=1"})
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public class CrossoverBench {
    @Param({"4096", "16384", "32768", "65536", "131072", "1048576"})
    public int size;

    @Param({"1", "2"})
    public int threads;

    private float[] a;
    private float[] b;
    private float[] c;
    private Engine engine;
    private OpRequest add;
    private OpRequest sum;

    @Setup(Level.Trial)
    public void setUp() {
        a = new float[size];
        b = new float[size];
        c = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = i * 0.5f;
            b[i] = 1.0f / (i + 1);
        }
        engine = Engines.current();
        Tessel.setThreads(threads);
        add = new OpRequest("add", OpKind.ELEMENTWISE, DType.FLOAT32, size, 12L * size);
        sum = new OpRequest("add", OpKind.REDUCTION, DType.FLOAT32, size, 4L * size);
    }

    @Benchmark
    public float[] elementwiseAdd() {
        engine.forEachRange(add, engine.reference(), size, 1, (s, e) -> {
            for (int i = (int) s; i < e; i++) {
                c[i] = a[i] + b[i];
            }
        });
        return c;
    }

    @Benchmark
    public float[] reductionSum() {
        float[] partial = c;
        engine.forEachRange(sum, engine.reference(), size, 1, (s, e) -> {
            float acc = 0;
            for (int i = (int) s; i < e; i++) {
                acc += a[i];
            }
            partial[(int) s] = acc;
        });
        return partial;
    }
}
