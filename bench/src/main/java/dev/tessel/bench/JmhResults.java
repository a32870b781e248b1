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
 * Entries without an {@code op} parameter (benchmarks outside the runner's catalogue) are skipped.
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
            if (params.get("op") == null) {
                continue;
            }
            out.add(measurement(e, params));
        }
        return out;
    }

    private static Measurement measurement(Map<?, ?> e, Map<?, ?> params) {
        Map<?, ?> metric = (Map<?, ?>) e.get("primaryMetric");
        String unit = (String) metric.get("scoreUnit");
        double score = (Double) metric.get("score");
        double error = metric.get("scoreError") instanceof Double d ? d : Double.NaN;
        String backend = params.get("backend") instanceof String b ? b : "java";
        return new Measurement((String) e.get("benchmark"), (String) params.get("op"),
                String.valueOf(params.get("dtype")), Long.parseLong(String.valueOf(params.get("size"))),
                backend, threads(e.get("jvmArgs")), toSeconds(score, unit), errorSeconds(score, error, unit));
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
