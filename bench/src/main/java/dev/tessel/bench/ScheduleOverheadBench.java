package dev.tessel.bench;

import dev.tessel.DType;
import dev.tessel.spi.Engine;
import dev.tessel.spi.Engines;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.OpRequest;
import dev.tessel.spi.RangeTask;
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
 * What the engine adds to a small op: the same loop called directly and through
 * {@link Engine#place} plus {@link Engine#forEachRange} (placement, tile plan, record). The
 * issue's bound is 10% at 1,000 elements.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public class ScheduleOverheadBench {
    @Param({"1000"})
    public int size;

    private float[] a;
    private float[] b;
    private float[] c;
    private Engine engine;
    private RangeTask add;

    @Setup
    public void setUp() {
        a = new float[size];
        b = new float[size];
        c = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = i;
            b[i] = 2 * i;
        }
        engine = Engines.current();
        add = (s, e) -> {
            for (int i = (int) s; i < e; i++) {
                c[i] = a[i] + b[i];
            }
        };
    }

    @Benchmark
    public float[] direct() {
        add.run(0, size);
        return c;
    }

    @Benchmark
    public float[] scheduled() {
        OpRequest r = new OpRequest("add", OpKind.ELEMENTWISE, DType.FLOAT32, size, 12L * size);
        engine.forEachRange(r, engine.place(r), size, 1, add);
        return c;
    }
}
