package dev.tessel.bench.ufunc;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
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
 * Square matmul n x n through {@code Nd.matmul}; {@code size} is n. Tessel's matmul has no
 * {@code out} yet, so each call allocates its n x n result (the NumPy peer writes into
 * {@code out=}); at n = 256 that is 256 KiB against 33 MFLOP of work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MatmulBench {
    @Param({"matmul"})
    public String op;

    @Param({"float32", "float64"})
    public String dtype;

    @Param({"256", "1024", "2048"})
    public long size;

    @Param({"scalar", "simd"})
    public String backend;

    private NdArray a;
    private NdArray b;

    @Setup
    public void setUp() {
        if (!op.equals("matmul")) {
            throw new IllegalArgumentException("MatmulBench has no op '" + op + "'");
        }
        BackendSelection.select(backend);
        DType type = Inputs.dtype(dtype);
        a = Inputs.ramp(type, size * size, 0.0, size, size);
        b = Inputs.ramp(type, size * size, 0.1, size, size);
        Nd.matmul(a, b);
        BackendSelection.verify(backend);
    }

    @Benchmark
    public NdArray run() {
        return Nd.matmul(a, b);
    }
}
