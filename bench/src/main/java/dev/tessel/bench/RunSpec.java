package dev.tessel.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JMH invocation: a benchmark class, the values of its {@code @Param}s (JMH runs their
 * cartesian product), and the benchmark JVMs' {@code tessel.cpu.threads}.
 */
record RunSpec(String benchmark, Map<String, List<String>> params, int threads) {
    RunSpec {
        params = new LinkedHashMap<>(params);
    }

    /** How many cases JMH will run: the product of the parameter list lengths. */
    int cases() {
        int n = 1;
        for (List<String> values : params.values()) {
            n *= values.size();
        }
        return n;
    }

    String simpleName() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }
}
