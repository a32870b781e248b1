package dev.tessel.bench.gpu;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.spi.Backend;
import dev.tessel.spi.Device;
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
 * The chain {@code c = a + b; c = exp(c); c = c * a} (float32) two ways: op by op from host
 * memory (eight array transfers), and on arrays lent to the device, where the chain runs as one
 * task graph (three transfers). Note: the resident chain builds and compiles its graph on each
 * {@code await} (TornadoVM keeps device buffers per plan), so at small sizes the compile cost
 * dominates; see {@code GpuDevice}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class GpuResidencyBench {
    @Param({"1048576"})
    public int size;

    private StridedLoop add;
    private StridedLoop exp;
    private StridedLoop mul;
    private MemorySegment a;
    private MemorySegment b;
    private MemorySegment c;
    private Device device;
    private NdArray na;
    private NdArray nb;
    private NdArray nc;

    @Setup
    public void setUp() {
        DType f = DType.FLOAT32;
        Backend gpu = GpuBackends.gpu();
        add = gpu.loop("add", new DType[] {f, f, f});
        exp = gpu.loop("exp", new DType[] {f, f});
        mul = gpu.loop("multiply", new DType[] {f, f, f});
        a = GpuBackends.filled(f, size, 1);
        b = GpuBackends.filled(f, size, 2);
        c = GpuBackends.filled(f, size, 3);
        device = GpuBackends.firstDevice();
        na = Nd.zeros(f, size);
        nb = Nd.zeros(f, size);
        nc = Nd.zeros(f, size);
    }

    @Benchmark
    public MemorySegment chainWithTransfers() {
        long[] o3 = new long[3];
        long[] u3 = {1, 1, 1};
        add.run(new MemorySegment[] {a, b, c}, o3, u3, size);
        exp.run(new MemorySegment[] {c, c}, new long[2], new long[] {1, 1}, size);
        mul.run(new MemorySegment[] {c, a, c}, o3, u3, size);
        return c;
    }

    @Benchmark
    public NdArray chainResident() {
        var la = na.to(device);
        var lb = nb.to(device);
        var lc = nc.to(device);
        lc.submit(GpuBackends.ufunc(device, "add", nc, na, nb));
        lc.submit(GpuBackends.ufunc(device, "exp", nc, nc));
        lc.submit(GpuBackends.ufunc(device, "multiply", nc, nc, na));
        lc.toHost();
        la.toHost();
        lb.toHost();
        return nc;
    }

    /**
     * The same chain as plain calls on lent arrays ({@code Nd.exp(a + b) * a}): the generic layer
     * queues each call on the device (results born there), one graph when the host reads.
     */
    @Benchmark
    public NdArray chainOfPlainCallsResident() {
        var la = na.to(device);
        var lb = nb.to(device);
        NdArray r = Nd.exp(na.add(nb)).mul(na).toHost();
        la.toHost();
        lb.toHost();
        return r;
    }

    /**
     * sum of a lent array: the reduction runs on the device and its result is born there
     * (one graph: the array in, partials and their fold on the device, one element out).
     */
    @Benchmark
    public NdArray sumOfLentArray() {
        var la = na.to(device);
        NdArray s = na.sum().toHost();
        la.toHost();
        return s;
    }
}
