package dev.tessel.bench;

/**
 * One benchmarked operation and its cost model: how many bytes it must move and how many
 * floating-point operations it must do per case, which is what turns a time into GB/s or
 * GFLOP/s and into a fraction of the machine's limit.
 *
 * @param name the op as the runner, the benchmarks' {@code op} parameter and the NumPy peer
 *     spell it ({@code add}, {@code mul_add}, {@code sum_axis0}, {@code matmul}, ...)
 * @param benchmark fully qualified JMH benchmark class that measures it
 * @param metric whether the op is judged by bytes moved or by arithmetic done
 * @param operands arrays of {@code size} elements read plus written once each (a*b+c: 4)
 * @param flopsPerElement floating-point operations per element; 0 for transcendental
 *     functions, whose cost no single count describes, so they are judged by bandwidth alone
 */
record OpSpec(String name, String benchmark, Metric metric, int operands, double flopsPerElement) {

    /** What a case's throughput is reported in. */
    enum Metric {
        /** GB/s: streaming ops, whose limit is memory bandwidth. */
        BANDWIDTH,
        /** GFLOP/s: matmul, whose limit is the cores' FMA throughput. */
        FLOPS
    }

    boolean isMatmul() {
        return name.equals("matmul");
    }

    /**
     * Work items a case does, for the time-per-element column: the elements for streaming
     * ops; for matmul of side n, its n³ multiply-adds.
     */
    double elements(long size) {
        return isMatmul() ? (double) size * size * size : size;
    }

    /** Bytes a case must move at least once (for matmul: A, B and C once each). */
    double bytes(long size, int itemBytes) {
        double perOperand = isMatmul() ? (double) size * size : size;
        return perOperand * operands * itemBytes;
    }

    /** Floating-point operations a case does (for matmul: 2n³). */
    double flops(long size) {
        return isMatmul() ? 2.0 * size * size * size : flopsPerElement * size;
    }
}
