package dev.tessel.bench;

import dev.tessel.bench.OpSpec.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every op the runner knows, in report order, with the benchmark class that measures it. */
final class OpCatalog {
    static final String UFUNC_PACKAGE = "dev.tessel.bench.ufunc.";
    static final String BANDWIDTH = BandwidthBench.class.getName();
    static final String ELEMENTWISE = UFUNC_PACKAGE + "ElementwiseBench";
    static final String REDUCTION = UFUNC_PACKAGE + "ReductionBench";
    static final String MATMUL = UFUNC_PACKAGE + "MatmulBench";

    private static final Map<String, OpSpec> OPS = new LinkedHashMap<>();

    static {
        add(new OpSpec("copy", BANDWIDTH, Metric.BANDWIDTH, 2, 0));
        add(new OpSpec("triad", BANDWIDTH, Metric.BANDWIDTH, 3, 2));
        add(new OpSpec("add", ELEMENTWISE, Metric.BANDWIDTH, 3, 1));
        add(new OpSpec("multiply", ELEMENTWISE, Metric.BANDWIDTH, 3, 1));
        add(new OpSpec("mul_add", ELEMENTWISE, Metric.BANDWIDTH, 4, 2));
        add(new OpSpec("exp", ELEMENTWISE, Metric.BANDWIDTH, 2, 0));
        add(new OpSpec("log", ELEMENTWISE, Metric.BANDWIDTH, 2, 0));
        add(new OpSpec("sin", ELEMENTWISE, Metric.BANDWIDTH, 2, 0));
        add(new OpSpec("cos", ELEMENTWISE, Metric.BANDWIDTH, 2, 0));
        add(new OpSpec("tanh", ELEMENTWISE, Metric.BANDWIDTH, 2, 0));
        add(new OpSpec("sqrt", ELEMENTWISE, Metric.BANDWIDTH, 2, 1));
        add(new OpSpec("sum", REDUCTION, Metric.BANDWIDTH, 1, 1));
        add(new OpSpec("max", REDUCTION, Metric.BANDWIDTH, 1, 1));
        add(new OpSpec("argmax", REDUCTION, Metric.BANDWIDTH, 1, 1));
        add(new OpSpec("sum_axis0", REDUCTION, Metric.BANDWIDTH, 1, 1));
        add(new OpSpec("sum_axis1", REDUCTION, Metric.BANDWIDTH, 1, 1));
        add(new OpSpec("matmul", MATMUL, Metric.FLOPS, 3, 0));
    }

    private OpCatalog() {}

    private static void add(OpSpec op) {
        OPS.put(op.name(), op);
    }

    static List<OpSpec> all() {
        return List.copyOf(OPS.values());
    }

    static boolean contains(String name) {
        return OPS.containsKey(name);
    }

    /** The op named {@code name}; the message lists the known ops. */
    static OpSpec get(String name) {
        OpSpec op = OPS.get(name);
        if (op == null) {
            throw new IllegalArgumentException("unknown op '" + name + "'; known ops: " + String.join(", ", OPS.keySet()));
        }
        return op;
    }

    /** Whether {@code benchmark} (JMH's class.method name) is the catalogue's benchmark for {@code op}. */
    static boolean measures(String benchmark, Object op) {
        return op instanceof String name && contains(name) && benchmark.startsWith(get(name).benchmark() + ".");
    }

    /** A benchmark's name without the {@code dev.tessel.bench.} prefix, e.g. {@code simd.FoldBench.sum}. */
    static String shortName(String benchmark) {
        return benchmark.startsWith("dev.tessel.bench.") ? benchmark.substring("dev.tessel.bench.".length()) : benchmark;
    }

    /** Whether the benchmark class for {@code op} is compiled into this build. */
    static boolean isBuilt(OpSpec op) {
        try {
            Class.forName(op.benchmark(), false, OpCatalog.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
