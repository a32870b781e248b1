package dev.tessel.bench;

/**
 * JMH iteration settings of a plan. Quick keeps a case near 1.8 seconds so the quick set fits
 * five minutes; its warm-up is the larger half because Vector API loops are only fast once C2
 * has compiled them, which takes longer on a busy machine. Full gives each case about four
 * seconds for tighter errors.
 *
 * @param warmups warm-up iterations
 * @param warmupMillis length of each warm-up iteration
 * @param iterations measured iterations
 * @param iterationMillis length of each measured iteration
 */
record JmhTiming(int warmups, int warmupMillis, int iterations, int iterationMillis) {
    static final JmhTiming QUICK = new JmhTiming(4, 300, 3, 200);
    static final JmhTiming FULL = new JmhTiming(3, 500, 5, 500);
    /** For the smoke test: one short iteration of each kind. */
    static final JmhTiming SMOKE = new JmhTiming(1, 50, 1, 50);

    /** Expected seconds per case, with about a second to start the forked JVM. */
    double secondsPerCase() {
        return 1.0 + (warmups * warmupMillis + iterations * iterationMillis) / 1000.0;
    }
}
