package dev.tessel.bench;

/**
 * One line of the report: a measurement put against the machine's limit and against NumPy.
 *
 * @param m the measurement
 * @param spec the op's cost model
 * @param nsPerElement nanoseconds per element (per multiply-add for matmul)
 * @param throughput GB/s or GFLOP/s, as {@link #unit()} says
 * @param percentOfLimit roofline time over measured time, in percent; NaN when unknown
 * @param numpySeconds NumPy's time for the same case, NaN when it has none
 */
record ResultRow(Measurement m, OpSpec spec, double nsPerElement, double throughput,
        double percentOfLimit, double numpySeconds) {

    String unit() {
        return spec.metric() == OpSpec.Metric.FLOPS ? "GFLOP/s" : "GB/s";
    }

    /** NumPy's time over ours: above 1 means Tessel is faster. NaN without a NumPy timing. */
    double speedupVsNumpy() {
        return numpySeconds / m.seconds();
    }

    /** The case as the table names it, e.g. {@code add float32 n=1e6} or {@code matmul float64 256²}. */
    String caseLabel() {
        String size = spec.isMatmul() ? m.size() + "x" + m.size() : "n=" + SizeFormat.format(m.size());
        return m.op() + " " + m.dtype() + " " + size;
    }
}
