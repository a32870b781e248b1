package dev.tessel.bench.ufunc;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
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
 * {@code c = a.add(b)} with a new result every call, as NumPy code is usually written, against
 * the same add into a preallocated {@code out}, FLOAT32. Every other elementwise case writes into
 * {@code out}, so this is the one that sees what allocating a result costs: memory, zeroing, and
 * the collections that free garbage arrays off the heap (see {@code OffHeapGarbage}). The
 * warm-up is long enough for the collected arrays' memory to be recycled (1 GiB of results).
 *
 * <p>Run: {@code ./tessel bench --include AllocatingOpsBench --no-numpy}; NumPy's peer for
 * {@code allocating} is {@code c = a + b}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class AllocatingOpsBench {
    @Param({"100000", "1000000", "10000000"})
    public long size;

    @Param({"allocating", "out"})
    public String result;

    private NdArray a;
    private NdArray b;
    private NdArray out;

    @Setup
    public void setUp() {
        a = Nd.full(DType.FLOAT32, 1.5, size);
        b = Nd.full(DType.FLOAT32, 2.5, size);
        out = Nd.empty(DType.FLOAT32, size);
    }

    @Benchmark
    public NdArray add() {
        if (result.equals("out")) {
            Ufuncs.ADD.call(new Object[] {a, b}, new NdArray[] {out}, null, null, null);
            return out;
        }
        return a.add(b);
    }
}
