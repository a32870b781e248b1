package dev.tessel.bench.ownership;

import dev.tessel.Index;
import dev.tessel.DType;
import dev.tessel.Nd;
import dev.tessel.NdArray;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two threads writing (assign, with leases) the two halves of one array, against two threads
 * writing two separate arrays. Both pairs never conflict; the difference is what sharing one
 * ledger costs. Target: the shared array's throughput within 10% of the separate arrays'.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar DisjointWriteBench}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Group)
public class DisjointWriteBench {
    @Param({"1000", "100000"})
    int half;

    NdArray srcA;
    NdArray srcB;
    NdArray left;
    NdArray right;
    NdArray first;
    NdArray second;

    @Setup
    public void setup() {
        srcA = Nd.arange(half, DType.FLOAT32); // one source per thread: only the destinations are shared
        srcB = Nd.arange(half, DType.FLOAT32);
        NdArray shared = Nd.zeros(DType.FLOAT32, 2L * half);
        left = shared.slice(Index.range(0, half));
        right = shared.slice(Index.range(half, 2L * half));
        first = Nd.zeros(DType.FLOAT32, half);
        second = Nd.zeros(DType.FLOAT32, half);
    }

    @Benchmark
    @Group("oneArray")
    @GroupThreads(1)
    public NdArray oneArrayLeft() {
        return left.assign(srcA);
    }

    @Benchmark
    @Group("oneArray")
    @GroupThreads(1)
    public NdArray oneArrayRight() {
        return right.assign(srcB);
    }

    @Benchmark
    @Group("twoArrays")
    @GroupThreads(1)
    public NdArray twoArraysFirst() {
        return first.assign(srcA);
    }

    @Benchmark
    @Group("twoArrays")
    @GroupThreads(1)
    public NdArray twoArraysSecond() {
        return second.assign(srcB);
    }
}
