package dev.tessel.bench.ufunc;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.Ufunc;
import dev.tessel.Ufuncs;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Elementwise ufuncs through Tessel's public API, writing into a preallocated {@code out}
 * (as the NumPy peer does with {@code out=}), so allocation is not what is measured.
 * {@code mul_add} is a*b+c as two ufunc calls, the way a NumPy user writes it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ElementwiseBench {
    @Param({"add", "multiply", "mul_add", "exp", "log", "sin", "cos", "tanh", "sqrt"})
    public String op;

    @Param({"float32", "float64"})
    public String dtype;

    @Param({"1000", "100000", "10000000"})
    public long size;

    @Param({"scalar", "simd"})
    public String backend;

    private NdArray a;
    private NdArray b;
    private NdArray c;
    private NdArray out;
    private Runnable body;

    @Setup
    public void setUp() {
        BackendSelection.select(backend);
        DType type = Inputs.dtype(dtype);
        a = Inputs.ramp(type, size, 0.0);
        b = Inputs.ramp(type, size, 0.1);
        c = Inputs.ramp(type, size, 0.2);
        out = Nd.empty(type, size);
        body = switch (op) {
            case "add" -> () -> into(Ufuncs.ADD, a, b);
            case "mul_add" -> () -> {
                into(Ufuncs.MULTIPLY, a, b);
                into(Ufuncs.ADD, out, c);
            };
            case "exp" -> () -> into(Ufuncs.EXP, a);
            case "multiply" -> () -> into(Ufuncs.MULTIPLY, a, b);
            case "log" -> () -> into(Ufuncs.LOG, a);
            case "sin" -> () -> into(Ufuncs.SIN, a);
            case "cos" -> () -> into(Ufuncs.COS, a);
            case "tanh" -> () -> into(Ufuncs.TANH, a);
            case "sqrt" -> () -> into(Ufuncs.SQRT, a);
            default -> throw new IllegalArgumentException("ElementwiseBench has no op '" + op + "'");
        };
        body.run();
        BackendSelection.verify(backend);
    }

    private void into(Ufunc f, Object... args) {
        f.call(args, new NdArray[] {out}, null, null, null);
    }

    @Benchmark
    public NdArray run() {
        body.run();
        return out;
    }
}
