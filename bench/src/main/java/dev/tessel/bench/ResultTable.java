package dev.tessel.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the report's rows and renders them as an aligned text table or a Markdown table. */
final class ResultTable {
    static final List<String> HEADERS = List.of(
            "case", "ns/elem", "throughput", "% of limit", "vs NumPy", "backend", "threads");

    private final List<ResultRow> rows;

    private ResultTable(List<ResultRow> rows) {
        this.rows = rows;
    }

    /**
     * Rows for {@code measurements} in catalogue order, then dtype, size, backend, threads.
     * {@code numpySeconds} maps {@link Measurement#caseKey()} to NumPy's time per op.
     */
    static ResultTable build(List<Measurement> measurements, Map<String, Double> numpySeconds, MachineLimits limits) {
        List<ResultRow> rows = new ArrayList<>();
        for (Measurement m : measurements) {
            OpSpec spec = OpCatalog.get(m.op());
            double percent = 100 * rooflineSeconds(spec, m.dtype(), m.size(), m.threads(), limits) / m.seconds();
            rows.add(new ResultRow(m, spec, m.seconds() * 1e9 / spec.elements(m.size()),
                    throughput(spec, m.dtype(), m.size(), m.seconds()), percent,
                    numpySeconds.getOrDefault(m.caseKey(), Double.NaN)));
        }
        List<String> order = OpCatalog.all().stream().map(OpSpec::name).toList();
        rows.sort(Comparator.<ResultRow>comparingInt(r -> order.indexOf(r.m().op()))
                .thenComparing(r -> r.m().dtype())
                .thenComparingLong(r -> r.m().size())
                .thenComparing(r -> r.m().backend())
                .thenComparingInt(r -> r.m().threads()));
        return new ResultTable(rows);
    }

    List<ResultRow> rows() {
        return rows;
    }

    /** GB/s or GFLOP/s of a case that took {@code seconds}, by the op's metric. */
    static double throughput(OpSpec spec, String dtype, long size, double seconds) {
        double amount = spec.metric() == OpSpec.Metric.FLOPS ? spec.flops(size) : spec.bytes(size, itemBytes(dtype));
        return amount / seconds / 1e9;
    }

    /** The least time the machine allows: max(bytes / bandwidth, flops / peak); NaN when unknown. */
    static double rooflineSeconds(OpSpec spec, String dtype, long size, int threads, MachineLimits limits) {
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        double memory = spec.bytes(size, itemBytes(dtype)) / (limits.bandwidth(t) * 1e9);
        double flops = spec.flops(size);
        double compute = flops == 0 ? 0 : flops / (limits.flops(dtype, t) * 1e9);
        return Double.isNaN(compute) ? memory : Math.max(memory, compute);
    }

    static int itemBytes(String dtype) {
        return switch (dtype) {
            case "bool", "int8", "uint8" -> 1;
            case "int16", "float16" -> 2;
            case "int32", "float32" -> 4;
            case "int64", "float64" -> 8;
            default -> throw new IllegalArgumentException("unknown dtype '" + dtype + "'");
        };
    }

    /** The table as aligned plain text, one header line, a rule, and a line per row. */
    String toText() {
        List<List<String>> cells = cells();
        int[] widths = new int[HEADERS.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            List<String> line = cells.get(r);
            for (int i = 0; i < widths.length; i++) {
                String cell = line.get(i);
                boolean left = i == 0 || i == 5;
                out.append(left ? pad(cell, widths[i], true) : pad(cell, widths[i], false));
                out.append(i + 1 < widths.length ? "  " : "\n");
            }
            if (r == 0) {
                out.append("-".repeat(sum(widths) + 2 * (widths.length - 1))).append('\n');
            }
        }
        return out.toString();
    }

    /** The table in GitHub Markdown. */
    String toMarkdown() {
        List<List<String>> cells = cells();
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", cells.get(0))).append(" |\n");
        out.append("|---|").append("---:|".repeat(4)).append("---|---:|\n");
        for (List<String> line : cells.subList(1, cells.size())) {
            out.append("| ").append(String.join(" | ", line)).append(" |\n");
        }
        return out.toString();
    }

    private List<List<String>> cells() {
        List<List<String>> cells = new ArrayList<>();
        cells.add(HEADERS);
        for (ResultRow r : rows) {
            cells.add(List.of(r.caseLabel(), number(r.nsPerElement()) + (r.m().unsettled() ? "*" : ""),
                    number(r.throughput()) + " " + r.unit(), percent(r.percentOfLimit()),
                    speedup(r.speedupVsNumpy()), r.m().backend(),
                    r.m().threads() > 0 ? Integer.toString(r.m().threads()) : "auto"));
        }
        return cells;
    }

    /** Three significant digits, the precision a benchmark deserves. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        String pattern = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3g";
        return String.format(Locale.ROOT, pattern, v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f%%", v);
    }

    private static String speedup(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2fx", v);
    }

    private static String pad(String s, int width, boolean left) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return left ? s + fill : fill + s;
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }
}
