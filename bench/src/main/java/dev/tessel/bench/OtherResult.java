package dev.tessel.bench;

import java.util.Map;

/**
 * A result of a benchmark outside the op catalogue (SIMD kernels, ownership lease cost, ...):
 * the runner has no cost model for it, so the report shows JMH's score as it is.
 *
 * @param benchmark JMH's benchmark name
 * @param params its parameters
 * @param score JMH's score in {@code unit}
 * @param error JMH's 99.9% error half-width, NaN when none
 * @param unit JMH's score unit, e.g. {@code ns/op}
 * @param threads {@code tessel.cpu.threads} of the benchmark JVM; 0 when it was not set
 */
record OtherResult(String benchmark, Map<String, String> params, double score, double error, String unit, int threads) {}
