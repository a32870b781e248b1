package dev.tessel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's JSON result file into {@link Measurement}s. Benchmarks follow the runner's
 * convention: {@code @Param} fields {@code op}, {@code dtype}, {@code size} and (for Tessel
 * ops) {@code backend}; the thread count is the benchmark JVM's {@code -Dtessel.cpu.threads}.
 * Entries of other benchmarks (kernel or ownership benchmarks, run with {@code --include} or
 * {@code --full}) are read separately by {@link #others}.
 */
final class JmhResults {
    private JmhResults() {}

    static List<Measurement> read(Path json) throws IOException {
        return parse(Files.readString(json));
    }

    static List<Measurement> parse(String json) {
        if (!(JsonParser.parse(json) instanceof List<?> entries)) {
            throw new IllegalArgumentException("JMH result file must hold a JSON array of benchmark entries");
        }
        List<Measurement> out = new ArrayList<>();
        for (Object entry : entries) {
            Map<?, ?> e = (Map<?, ?>) entry;
            Map<?, ?> params = e.get("params") instanceof Map<?, ?> p ? p : Map.of();
            if (isCatalogued(e, params)) {
                out.add(measurement(e, params));
            }
        }
        return out;
    }

    /** Entries of benchmarks outside the catalogue, shown as they are in the report's last table. */
    static List<OtherResult> others(String json) {
        List<OtherResult> out = new ArrayList<>();
        for (Object entry : (List<?>) JsonParser.parse(json)) {
            Map<?, ?> e = (Map<?, ?>) entry;
            Map<?, ?> params = e.get("params") instanceof Map<?, ?> p ? p : Map.of();
            if (isCatalogued(e, params)) {
                continue;
            }
            Map<String, String> ps = new java.util.LinkedHashMap<>();
            params.forEach((k, v) -> ps.put(String.valueOf(k), String.valueOf(v)));
            Map<?, ?> metric = (Map<?, ?>) e.get("primaryMetric");
            out.add(new OtherResult((String) e.get("benchmark"), ps, (Double) metric.get("score"),
                    metric.get("scoreError") instanceof Double d ? d : Double.NaN, (String) metric.get("scoreUnit"),
                    threads(e.get("jvmArgs"))));
        }
        return out;
    }

    /** Whether the entry is one of the catalogue's ops, measured by the op's own benchmark class. */
    private static boolean isCatalogued(Map<?, ?> entry, Map<?, ?> params) {
        return OpCatalog.measures(String.valueOf(entry.get("benchmark")), params.get("op"));
    }

    private static Measurement measurement(Map<?, ?> e, Map<?, ?> params) {
        Map<?, ?> metric = (Map<?, ?>) e.get("primaryMetric");
        String unit = (String) metric.get("scoreUnit");
        double score = (Double) metric.get("score");
        double error = metric.get("scoreError") instanceof Double d ? d : Double.NaN;
        String backend = params.get("backend") instanceof String b ? b : "java";
        return new Measurement((String) e.get("benchmark"), (String) params.get("op"),
                String.valueOf(params.get("dtype")), Long.parseLong(String.valueOf(params.get("size"))),
                backend, threads(e.get("jvmArgs")), toSeconds(score, unit), errorSeconds(score, error, unit),
                spread(metric.get("rawData")));
    }

    /** Largest over smallest iteration score across all forks; 1 without raw data. */
    static double spread(Object rawData) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        if (rawData instanceof List<?> forks) {
            for (Object fork : forks) {
                for (Object v : (List<?>) fork) {
                    double d = (Double) v;
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
            }
        }
        return min == Double.POSITIVE_INFINITY || min <= 0 ? 1.0 : max / min;
    }

    private static int threads(Object jvmArgs) {
        String prefix = "-D" + BenchThreads.PROPERTY + "=";
        if (jvmArgs instanceof List<?> args) {
            for (Object a : args) {
                if (a instanceof String s && s.startsWith(prefix)) {
                    return Integer.parseInt(s.substring(prefix.length()).trim());
                }
            }
        }
        return 0;
    }

    /** Seconds per operation from a JMH score in {@code unit} (time per op, or ops per time). */
    static double toSeconds(double score, String unit) {
        String[] parts = unit.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("unexpected JMH score unit '" + unit + "'");
        }
        if (parts[1].equals("op")) {
            return score * secondsIn(parts[0]);
        }
        if (parts[0].equals("ops")) {
            return secondsIn(parts[1]) / score;
        }
        throw new IllegalArgumentException("unexpected JMH score unit '" + unit + "'");
    }

    private static double errorSeconds(double score, double error, String unit) {
        if (Double.isNaN(error)) {
            return Double.NaN;
        }
        // For ops/time the error maps through 1/x; its first-order width is error / score^2.
        return unit.endsWith("/op") ? toSeconds(error, unit) : toSeconds(score, unit) * error / score;
    }

    private static double secondsIn(String timeUnit) {
        return switch (timeUnit) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            default -> throw new IllegalArgumentException("unexpected JMH time unit '" + timeUnit + "'");
        };
    }
}
