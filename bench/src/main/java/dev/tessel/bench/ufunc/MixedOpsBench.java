package dev.tessel.bench.ufunc;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.Ufunc;
import dev.tessel.Ufuncs;
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
 * An add of 100,000 FLOAT32 into {@code out} in a JVM that first ran another op 20 times
 * ({@code before}), as a program that uses several ufuncs does. Every other case runs one op per
 * JVM and cannot see one op's warm-up changing another op's compiled loop; this one can (see
 * bench/README.md, "One op can slow every loop"). Expected: every {@code before} within noise of
 * {@code none}.
 *
 * <p>Run: {@code ./tessel bench --include MixedOpsBench --no-numpy}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MixedOpsBench {
    private static final int N = 100_000;

    @Param({"none", "sin", "cos", "log", "tanh", "isnan", "maximum"})
    public String before;

    private NdArray a;
    private NdArray b;
    private NdArray out;

    @Setup
    public void setup() {
        a = Nd.arange(N, DType.FLOAT32);
        b = Nd.ones(DType.FLOAT32, N);
        out = Nd.zeros(DType.FLOAT32, N);
        for (int i = 0; i < 20; i++) {
            runBefore();
        }
    }

    private void runBefore() {
        switch (before) {
            case "none" -> { }
            case "sin" -> unary(Ufuncs.SIN);
            case "cos" -> unary(Ufuncs.COS);
            case "log" -> unary(Ufuncs.LOG);
            case "tanh" -> unary(Ufuncs.TANH);
            case "isnan" -> Ufuncs.ISNAN.call(new Object[] {a}, null, null, null, null);
            case "maximum" -> Ufuncs.MAXIMUM.call(new Object[] {a, b}, new NdArray[] {out}, null, null, null);
            default -> throw new IllegalArgumentException("MixedOpsBench has no op '" + before + "'");
        }
    }

    private void unary(Ufunc f) {
        f.call(new Object[] {a}, new NdArray[] {out}, null, null, null);
    }

    /** {@code add(a, b, out=out)}, 100,000 FLOAT32. */
    @Benchmark
    public NdArray add() {
        Ufuncs.ADD.call(new Object[] {a, b}, new NdArray[] {out}, null, null, null);
        return out;
    }
}
