package dev.tessel.bench.ufunc;

import dev.tessel.DType;
import dev.tessel.NdArray;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reductions through Tessel's public API: whole-array sum, max and argmax over a 1-D array,
 * and sums along axis 0 and axis 1 of a rows x cols array ({@link Inputs#grid}), the two
 * access patterns (down columns, along rows) that a 2-D reduction has.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReductionBench {
    @Param({"sum", "max", "argmax", "sum_axis0", "sum_axis1"})
    public String op;

    @Param({"float32", "float64"})
    public String dtype;

    @Param({"1000", "100000", "10000000"})
    public long size;

    @Param({"scalar", "simd"})
    public String backend;

    private Supplier<NdArray> body;

    @Setup
    public void setUp() {
        BackendSelection.select(backend);
        DType type = Inputs.dtype(dtype);
        NdArray flat = Inputs.ramp(type, size, 0.0);
        NdArray grid = Inputs.ramp(type, size, 0.0, Inputs.grid(size));
        body = switch (op) {
            case "sum" -> () -> flat.sum();
            case "max" -> () -> flat.max();
            case "argmax" -> () -> flat.argmax();
            case "sum_axis0" -> () -> grid.sum(0);
            case "sum_axis1" -> () -> grid.sum(1);
            default -> throw new IllegalArgumentException("ReductionBench has no op '" + op + "'");
        };
        body.get();
        BackendSelection.verify(backend);
    }

    @Benchmark
    public NdArray run() {
        return body.get();
    }
}
