package dev.tessel.bench.ownership;

import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import dev.tessel.OpLeases;
import dev.tessel.Ownership;
import dev.tessel.ReadLease;
import dev.tessel.Ufuncs;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
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
 * What ownership costs one thread, uncontended: the leases of a binary op (two reads, one
 * write) alone, and the whole op they guard: an add of {@code n} FLOAT32 into a preallocated
 * {@code out} through the public ufunc API (leases, resolution, placement, the SIMD loop).
 * Target: leases ≤ 50 ns, ≤ 5% of the op at n = 1000 and ≤ 1% at n = 100000.
 *
 * <p>Two floors, measured in the same run, put the lease figure in proportion: three
 * uncontended compare-and-sets with their release stores (what any ledger costs that publishes
 * each of an op's three leases with one atomic read-modify-write, as Tessel's does) and one
 * full fence (the least a ledger can spend per op at all: publishing an op's claim and then
 * reading other threads' claims is a store followed by loads, which x86 reorders without a
 * fence, so at least one fence or atomic per op is needed for two threads not to miss each other).
 *
 * <p>Run: {@code ./tessel bench LeaseBench} or {@code java -jar bench/target/benchmarks.jar LeaseBench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class LeaseBench {
    @Param({"1000", "100000"})
    int n;

    NdArray a;
    NdArray b;
    NdArray out;
    NdArray[] reads;
    NdArray[] writes;
    /** Three words 128 bytes apart (no shared cache line), one per lease of {@link #threeAtomicsFloor}. */
    final AtomicLongArray words = new AtomicLongArray(48);

    @Setup
    public void setup() {
        a = Nd.arange(n, DType.FLOAT32);
        b = Nd.ones(DType.FLOAT32, n);
        out = Nd.zeros(DType.FLOAT32, n);
        reads = new NdArray[] {a, b};
        writes = new NdArray[] {out};
    }

    /** Acquire and release of a binary op's three leases. */
    @Benchmark
    public OpLeases binaryOpLeases() {
        OpLeases l = Ownership.enterOp("add", reads, writes);
        l.close();
        return l;
    }

    /** The floor of a ledger with one atomic per lease: three compare-and-sets and three release stores. */
    @Benchmark
    public long threeAtomicsFloor() {
        long taken = 0;
        for (int i = 0; i < 48; i += 16) {
            taken += words.compareAndSet(i, 0, 1) ? 1 : 0;
        }
        for (int i = 32; i >= 0; i -= 16) {
            words.setRelease(i, 0);
        }
        return taken;
    }

    /** The floor of any ledger: one full fence per op. */
    @Benchmark
    public void oneFenceFloor() {
        VarHandle.fullFence();
    }

    /** The whole op: {@code add(a, b, out=out)} through the ufunc layer, leases included. */
    @Benchmark
    public NdArray addOp() {
        Ufuncs.ADD.call(new Object[] {a, b}, writes, null, null, null);
        return out;
    }

    /** One element through the ledger (a lease per call). */
    @Benchmark
    public double elementGetThroughLedger() {
        return a.getDouble(7);
    }

    /** One element through an open read lease (no ledger traffic); includes one lease per 1000 gets. */
    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(1000)
    public double elementGetThroughLease() {
        double s = 0;
        try (ReadLease r = a.read()) {
            for (int i = 0; i < 1000; i++) {
                s += r.getDouble(i);
            }
        }
        return s;
    }
}
