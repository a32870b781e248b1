package dev.tessel.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run measures: the JMH invocations the options ask for, and notes on what was left
 * out (an op whose benchmark class is not built yet, a gpu backend without TornadoVM).
 *
 * <p>The quick set (the default) is sized for five minutes on two cores: about 40 cases of
 * 1.8 seconds of JMH time each plus a forked JVM's start, then the NumPy peer. The full set
 * also runs every other benchmark under {@code dev.tessel.bench} (SIMD kernels, scheduler
 * overhead and crossover, ownership) with their own parameters and iteration settings, at the
 * largest thread count; {@code --include REGEX} picks such benchmarks by name.
 */
record BenchPlan(List<RunSpec> runs, List<String> notes, JmhTiming timing) {
    static final List<String> QUICK_OPS = List.of("copy", "triad", "add", "mul_add", "exp", "sum", "argmax", "matmul");
    static final List<Long> QUICK_SIZES = List.of(1_000L, 100_000L, 10_000_000L);
    static final List<Long> FULL_SIZES = List.of(1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L);
    static final List<Long> QUICK_MATMUL = List.of(256L);
    static final List<Long> FULL_MATMUL = List.of(256L, 1024L, 2048L);
    /** Benchmarks outside the op catalogue that {@code --full} also runs: kernel, scheduler and ownership benchmarks. */
    static final String OTHER_BENCHMARKS = "^dev\\.tessel\\.bench\\.";

    static BenchPlan of(BenchOptions o) {
        List<String> notes = new ArrayList<>();
        List<String> ops = o.ops() != null ? o.ops()
                : o.include() != null ? List.of() : o.full() ? names(OpCatalog.all()) : QUICK_OPS;
        List<String> dtypes = o.dtypes() != null ? o.dtypes() : o.full() ? List.of("float32", "float64") : List.of("float32");
        List<Long> sizes = o.sizes() != null ? o.sizes() : o.full() ? FULL_SIZES : QUICK_SIZES;
        List<Long> matmul = o.matmulSizes() != null ? o.matmulSizes() : o.full() ? FULL_MATMUL : QUICK_MATMUL;
        List<Integer> threads = o.threads() != null ? o.threads() : defaultThreads(o.full());
        List<String> backends = backends(o, notes);
        Map<String, List<String>> opsByClass = new LinkedHashMap<>();
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (String name : ops) {
            OpSpec op = OpCatalog.get(name);
            (OpCatalog.isBuilt(op) ? opsByClass : missing).computeIfAbsent(op.benchmark(), k -> new ArrayList<>()).add(name);
        }
        missing.forEach((cls, names) -> notes.add(String.join(", ", names) + " skipped: " + cls + " is not in this build"));
        List<RunSpec> runs = new ArrayList<>();
        for (int t : threads) {
            opsByClass.forEach((cls, clsOps) -> runs.addAll(runs(cls, clsOps, dtypes,
                    cls.equals(OpCatalog.MATMUL) ? matmul : sizes, backends, t)));
        }
        String extras = o.include() != null ? o.include() : o.full() && o.ops() == null ? OTHER_BENCHMARKS : null;
        if (extras != null) {
            int t = threads.get(threads.size() - 1);
            BenchmarkDiscovery.matching(extras).forEach((name, found) ->
                    runs.add(RunSpec.forMethod(name, found.params(), t, found.secondsPerCase())));
        }
        return new BenchPlan(runs, notes, o.timing() != null ? o.timing() : o.full() ? JmhTiming.FULL : JmhTiming.QUICK);
    }

    private static RunSpec run(String cls, List<String> ops, List<String> dtypes, List<Long> sizes,
            List<String> backends, int threads) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("op", ops);
        params.put("dtype", dtypes);
        params.put("size", sizes.stream().map(String::valueOf).toList());
        if (hasField(cls, "backend")) {
            params.put("backend", backends);
        }
        return RunSpec.forClass(cls, params, threads);
    }

    /**
     * The run for {@code cls}, split in two when it mixes gpu with host backends: the gpu
     * cases' JVMs need TornadoVM's flags (another GC, JVMCI), which must not change the others.
     */
    private static List<RunSpec> runs(String cls, List<String> ops, List<String> dtypes, List<Long> sizes,
            List<String> backends, int threads) {
        if (!backends.contains("gpu") || backends.size() == 1 || !hasField(cls, "backend")) {
            return List.of(run(cls, ops, dtypes, sizes, backends, threads));
        }
        List<String> host = backends.stream().filter(b -> !b.equals("gpu")).toList();
        return List.of(run(cls, ops, dtypes, sizes, host, threads), run(cls, ops, dtypes, sizes, List.of("gpu"), threads));
    }

    private static boolean hasField(String cls, String field) {
        try {
            Class.forName(cls, false, BenchPlan.class.getClassLoader()).getField(field);
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static List<String> backends(BenchOptions o, List<String> notes) {
        boolean tornado = System.getenv("TORNADOVM_HOME") != null;
        if (o.backends() != null) {
            if (o.backends().contains("gpu") && !tornado) {
                notes.add("backend gpu requested without TORNADOVM_HOME: its cases will report the GPU backend's error");
            }
            return o.backends();
        }
        if (o.full() && tornado) {
            return List.of("scalar", "simd", "gpu");
        }
        if (o.full()) {
            notes.add("backend gpu left out: TORNADOVM_HOME is not set");
        }
        return List.of("scalar", "simd");
    }

    /** Quick: the machine's processors. Full: 1, 2, 4, ... up to and including them. */
    static List<Integer> defaultThreads(boolean full) {
        int cpus = Integer.getInteger(BenchThreads.PROPERTY, Runtime.getRuntime().availableProcessors());
        if (!full) {
            return List.of(cpus);
        }
        List<Integer> counts = new ArrayList<>();
        for (int t = 1; t < cpus; t *= 2) {
            counts.add(t);
        }
        counts.add(cpus);
        return counts;
    }

    private static List<String> names(List<OpSpec> ops) {
        return ops.stream().map(OpSpec::name).toList();
    }

    int cases() {
        return runs.stream().mapToInt(RunSpec::cases).sum();
    }

    /** Expected seconds for the whole plan, for the ETA. */
    double expectedSeconds() {
        return runs.stream().mapToDouble(r -> r.cases() * (r.ownTiming() ? r.ownSecondsPerCase() : timing.secondsPerCase())).sum();
    }

    /** Every thread count the plan uses, for the bandwidth reference. */
    List<Integer> threadCounts() {
        return runs.stream().map(RunSpec::threads).distinct().sorted().toList();
    }
}
