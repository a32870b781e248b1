package dev.tessel.bench;

/**
 * One benchmark case's result as JMH measured it, in the runner's terms.
 *
 * @param benchmark JMH's benchmark name (class and method)
 * @param op the {@code op} parameter
 * @param dtype the {@code dtype} parameter
 * @param size the {@code size} parameter: elements, or the side n for matmul
 * @param backend the {@code backend} parameter, or {@code java} for plain-Java references
 * @param threads {@code tessel.cpu.threads} of the benchmark JVM; 0 when it was not set
 * @param seconds mean time per operation
 * @param errorSeconds JMH's 99.9% error half-width, NaN when JMH gave none
 * @param spread slowest measured iteration over the fastest (1 when JMH gave no raw data)
 */
record Measurement(String benchmark, String op, String dtype, long size, String backend, int threads,
        double seconds, double errorSeconds, double spread) {

    /**
     * Above this spread the iterations disagree by more than 2x: the case was still warming up
     * (C2 compiling Vector API code late on a busy machine) or was disturbed, and its mean is
     * not to be trusted. The table marks such cases.
     */
    static final double UNSETTLED_SPREAD = 2.0;

    /** A measurement whose iterations are not known to disagree. */
    Measurement(String benchmark, String op, String dtype, long size, String backend, int threads,
            double seconds, double errorSeconds) {
        this(benchmark, op, dtype, size, backend, threads, seconds, errorSeconds, 1.0);
    }

    boolean unsettled() {
        return spread > UNSETTLED_SPREAD;
    }

    /** The key that matches this case with the NumPy peer's timing of it. */
    String caseKey() {
        return caseKey(op, dtype, size);
    }

    static String caseKey(String op, String dtype, long size) {
        return op + "/" + dtype + "/" + size;
    }
}
