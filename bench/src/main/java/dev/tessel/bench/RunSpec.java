package dev.tessel.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One JMH invocation: which benchmarks ({@code include}, a JMH regular expression), the
 * values its {@code @Param}s are set to (JMH runs their cartesian product; none set means the
 * benchmark's own defaults), the benchmark JVMs' {@code tessel.cpu.threads}, and how many
 * cases that makes.
 *
 * @param name what the plan listing calls it
 * @param include JMH include pattern
 * @param params parameter values the runner sets
 * @param threads {@code tessel.cpu.threads} for the forked JVMs
 * @param cases cases JMH will run
 * @param ownSecondsPerCase for a benchmark run with its own iteration settings (its
 *     {@code @Warmup} and {@code @Measurement}), the seconds each case should take; 0 for
 *     catalogue benchmarks, which run with the plan's {@link JmhTiming}
 * @param tornado whether the forked JVMs need TornadoVM's flags (the gpu backend's cases)
 */
record RunSpec(String name, String include, Map<String, List<String>> params, int threads, int cases,
        double ownSecondsPerCase, boolean tornado) {
    RunSpec {
        params = new LinkedHashMap<>(params);
    }

    boolean ownTiming() {
        return ownSecondsPerCase > 0;
    }

    /** Every benchmark method of {@code benchmarkClass}, with the runner's parameter values. */
    static RunSpec forClass(String benchmarkClass, Map<String, List<String>> params, int threads) {
        int cases = 1;
        for (List<String> values : params.values()) {
            cases *= values.size();
        }
        String simple = benchmarkClass.substring(benchmarkClass.lastIndexOf('.') + 1);
        boolean tornado = params.getOrDefault("backend", List.of()).contains("gpu");
        return new RunSpec(simple, "^" + Pattern.quote(benchmarkClass) + "\\.", params, threads, cases, 0, tornado);
    }

    /** One benchmark method outside the catalogue, run with its own parameters and iteration settings. */
    static RunSpec forMethod(String benchmark, Map<String, String[]> declared, int threads, double secondsPerCase) {
        int cases = 1;
        for (String[] values : declared.values()) {
            cases *= values.length;
        }
        return new RunSpec(OpCatalog.shortName(benchmark), "^" + Pattern.quote(benchmark) + "$", Map.of(), threads, cases, secondsPerCase, false);
    }
}
