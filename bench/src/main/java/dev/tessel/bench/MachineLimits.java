package dev.tessel.bench;

import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * This machine's limits, measured in the runner's own JVM before the benchmarks: memory
 * bandwidth (STREAM copy and triad over 64 MiB segments, well beyond a last-level cache) for
 * each thread count, and one thread's FMA peak per dtype.
 *
 * <p>A case's limit is its roofline time, max(bytes / bandwidth, flops / peak); "% of limit"
 * is that time over the measured one. The bandwidth is DRAM's, so a case whose arrays fit in
 * cache can exceed 100%. The compute peak for T threads is T times one thread's, which
 * assumes one core per thread.
 *
 * @param copyGBs copy bandwidth in GB/s (2 arrays moved per element) by thread count
 * @param triadGBs triad bandwidth in GB/s (3 arrays) by thread count
 * @param fmaF32 one thread's float32 FMA peak in GFLOP/s, or NaN when it could not be measured
 * @param fmaF64 the same for float64
 * @param note why triad and the FMA peak are missing, or empty
 */
record MachineLimits(SortedMap<Integer, Double> copyGBs, SortedMap<Integer, Double> triadGBs,
        double fmaF32, double fmaF64, String note) {

    private static final long ELEMENTS = 8L << 20; // float64: 64 MiB per array
    private static final double SECONDS_PER_KERNEL = 0.25;

    MachineLimits {
        copyGBs = new TreeMap<>(copyGBs);
        triadGBs = new TreeMap<>(triadGBs);
    }

    /** Measures bandwidth with each of {@code threadCounts} and the FMA peak, printing a line per step. */
    static MachineLimits measure(List<Integer> threadCounts, PrintStream log) {
        // Triad and the FMA probe use the Vector API; ./tessel and the tests add its module.
        boolean vectors = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        SortedMap<Integer, Double> copy = new TreeMap<>();
        SortedMap<Integer, Double> triad = new TreeMap<>();
        try (Arena arena = Arena.ofShared()) { // shared: the team's threads touch it
            MemorySegment a = touched(arena);
            MemorySegment b = touched(arena);
            MemorySegment c = touched(arena);
            for (int t : threadCounts) {
                try (ThreadTeam team = new ThreadTeam(t)) {
                    copy.put(t, gbPerSecond(2, () -> team.run(ELEMENTS, (f, e) -> BandwidthKernels.copy(b, a, 8, f, e))));
                    if (vectors) {
                        triad.put(t, gbPerSecond(3, () -> team.run(ELEMENTS, (f, e) -> TriadKernels.triadF64(a, b, c, 3.0, f, e))));
                    }
                }
                log.printf("  bandwidth, %d thread(s): copy %.1f GB/s, triad %.1f GB/s%n", t, copy.get(t),
                        triad.getOrDefault(t, Double.NaN));
            }
        }
        if (!vectors) {
            String note = "triad and FMA peak not measured: run the JVM with --add-modules jdk.incubator.vector";
            log.println("  " + note);
            return new MachineLimits(copy, triad, Double.NaN, Double.NaN, note);
        }
        double f32 = FmaPeak.measure("float32", 0.3);
        double f64 = FmaPeak.measure("float64", 0.3);
        log.printf("  FMA peak, 1 thread: float32 %.1f GFLOP/s, float64 %.1f GFLOP/s%n", f32, f64);
        return new MachineLimits(copy, triad, f32, f64, "");
    }

    private static MemorySegment touched(Arena arena) {
        MemorySegment s = arena.allocate(ELEMENTS * Double.BYTES, 64);
        s.fill((byte) 0);
        return s;
    }

    private static double gbPerSecond(int arrays, Runnable pass) {
        return arrays * ELEMENTS * Double.BYTES / (double) BestTime.of(pass, SECONDS_PER_KERNEL);
    }

    /** Best of copy and triad bandwidth with the largest measured thread count not above {@code threads}. */
    double bandwidth(int threads) {
        Integer key = nearest(threads);
        if (key == null) {
            return Double.NaN;
        }
        return Math.max(copyGBs.get(key), triadGBs.getOrDefault(key, 0.0));
    }

    /** Compute peak in GFLOP/s for {@code threads} threads of {@code dtype}. */
    double flops(String dtype, int threads) {
        return (dtype.equals("float32") ? fmaF32 : fmaF64) * threads;
    }

    private Integer nearest(int threads) {
        SortedMap<Integer, Double> atOrBelow = copyGBs.headMap(threads + 1);
        return atOrBelow.isEmpty() ? (copyGBs.isEmpty() ? null : copyGBs.firstKey()) : atOrBelow.lastKey();
    }
}
