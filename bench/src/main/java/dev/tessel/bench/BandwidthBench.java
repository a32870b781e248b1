package dev.tessel.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Memory bandwidth as a JMH benchmark: STREAM copy and triad over off-heap segments, split
 * over {@code tessel.cpu.threads} threads (the runner sets it per run, as for every
 * benchmark). It is the "what plain Java gets" line beside Tessel's elementwise ops.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BandwidthBench {
    @Param({"copy", "triad"})
    public String op;

    @Param({"float64"})
    public String dtype;

    @Param({"1000000"})
    public long size;

    private Arena arena;
    private MemorySegment a;
    private MemorySegment b;
    private MemorySegment c;
    private int itemBytes;
    private ThreadTeam team;

    @Setup
    public void allocate() {
        itemBytes = switch (dtype) {
            case "float32" -> Float.BYTES;
            case "float64" -> Double.BYTES;
            default -> throw new IllegalArgumentException("BandwidthBench dtype must be float32 or float64, got " + dtype);
        };
        if (!op.equals("copy") && !op.equals("triad")) {
            throw new IllegalArgumentException("BandwidthBench op must be copy or triad, got " + op);
        }
        arena = Arena.ofShared();
        a = arena.allocate(size * itemBytes, 64);
        b = arena.allocate(size * itemBytes, 64);
        c = arena.allocate(size * itemBytes, 64);
        // Touch every page so the first iteration does not measure page faults.
        a.fill((byte) 0);
        b.fill((byte) 1);
        c.fill((byte) 2);
        team = new ThreadTeam(BenchThreads.fromProperty());
    }

    @TearDown
    public void release() {
        team.close();
        arena.close();
    }

    @Benchmark
    public void run(Blackhole bh) {
        if (op.equals("copy")) {
            team.run(size, (from, to) -> BandwidthKernels.copy(b, a, itemBytes, from, to));
        } else if (itemBytes == Float.BYTES) {
            team.run(size, (from, to) -> TriadKernels.triadF32(a, b, c, 3.0f, from, to));
        } else {
            team.run(size, (from, to) -> TriadKernels.triadF64(a, b, c, 3.0, from, to));
        }
        bh.consume(a);
    }
}
