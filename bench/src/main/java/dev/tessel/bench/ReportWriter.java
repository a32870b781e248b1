package dev.tessel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code report.md}: the machine, its measured limits, the table, notes and the charts. */
final class ReportWriter {
    private ReportWriter() {}

    /**
     * What the report describes besides the table.
     *
     * @param title heading, with the date
     * @param command the command line that produced the run
     * @param machine lines describing CPU, memory, OS and JVM
     * @param numpy NumPy's versions, or why it was skipped
     * @param notes what the run left out and why
     */
    record Context(String title, String command, List<String> machine, String numpy, List<String> notes) {}

    static Path write(Path dir, Context context, MachineLimits limits, ResultTable table, List<OtherResult> others,
            List<String> charts) throws IOException {
        Path file = dir.resolve("report.md");
        Files.writeString(file, render(context, limits, table, others, charts));
        return file;
    }

    static String render(Context c, MachineLimits limits, ResultTable table, List<OtherResult> others,
            List<String> charts) {
        StringBuilder s = new StringBuilder();
        s.append("# ").append(c.title()).append("\n\n");
        s.append("Command: `").append(c.command()).append("`\n\n");
        s.append("## Machine\n\n");
        c.machine().forEach(line -> s.append("- ").append(line).append('\n'));
        s.append("- Peer: ").append(c.numpy()).append("\n\n");
        s.append("## Measured limits\n\n");
        s.append(limitsTable(limits)).append('\n');
        s.append("## Results\n\n");
        if (table.rows().isEmpty()) {
            s.append(others.isEmpty() ? "No case produced a result; the notes say why.\n\n" : "");
        } else {
            s.append(table.toMarkdown()).append('\n');
            s.append(LEGEND).append('\n');
        }
        if (!others.isEmpty()) {
            s.append("## Other benchmarks\n\n").append(OtherTable.toMarkdown(others)).append('\n');
        }
        if (!c.notes().isEmpty()) {
            s.append("## Notes\n\n");
            c.notes().forEach(n -> s.append("- ").append(n).append('\n'));
            s.append('\n');
        }
        if (!charts.isEmpty()) {
            s.append("## Charts\n\n");
            charts.forEach(f -> s.append("![").append(f.replace(".png", "")).append("](").append(f).append(")\n\n"));
        }
        return s.toString();
    }

    static String limitsTable(MachineLimits limits) {
        StringBuilder s = new StringBuilder("| threads | copy GB/s | triad GB/s | FMA float32 GFLOP/s | FMA float64 GFLOP/s |\n");
        s.append("|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<Integer, Double> e : limits.copyGBs().entrySet()) {
            int t = e.getKey();
            s.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s |%n", t, ResultTable.number(e.getValue()),
                    ResultTable.number(limits.triadGBs().getOrDefault(t, Double.NaN)),
                    ResultTable.number(limits.flops("float32", t)), ResultTable.number(limits.flops("float64", t))));
        }
        if (!limits.note().isEmpty()) {
            s.append("\n").append(limits.note()).append('\n');
        }
        return s.toString();
    }

    static final String LEGEND = """
            - **ns/elem**: time per element (per multiply-add for matmul). A `*` marks a case whose \
            measured iterations differ by more than 2x (still warming up, or disturbed): rerun it, \
            e.g. with `--full` for longer warm-up, before trusting it.
            - **throughput**: bytes the op must move per second (each operand array read or written once), \
            or GFLOP/s for matmul (2n³ per product).
            - **% of limit**: the roofline time max(bytes / bandwidth, flops / FMA peak), using the \
            measured limits for the case's thread count, over the measured time. The bandwidth is DRAM's, \
            so cases that fit in cache can pass 100%; exp and sin count no flops and are judged by bandwidth only.
            - **vs NumPy**: NumPy's time over Tessel's for the same op, dtype and size (above 1: Tessel is faster). \
            NumPy runs single-threaded; Tessel with the listed threads.
            - **backend**: Tessel's backend (`java` = a plain-Java reference loop, not Tessel); \
            **threads**: `tessel.cpu.threads` of the benchmark JVM.
            """;
}
