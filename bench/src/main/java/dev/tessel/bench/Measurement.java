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
 */
record Measurement(String benchmark, String op, String dtype, long size, String backend, int threads,
        double seconds, double errorSeconds) {

    /** The key that matches this case with the NumPy peer's timing of it. */
    String caseKey() {
        return caseKey(op, dtype, size);
    }

    static String caseKey(String op, String dtype, long size) {
        return op + "/" + dtype + "/" + size;
    }
}
