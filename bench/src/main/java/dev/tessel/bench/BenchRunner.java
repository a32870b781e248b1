package dev.tessel.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.RunnerException;

/**
 * {@code ./tessel bench}: measures this machine's limits, runs the planned JMH cases with a
 * progress line, times the same cases in NumPy when it is installed, prints the table and
 * writes {@code report.md}, {@code jmh.json}, the NumPy reply and PNG charts to a dated folder
 * under {@code bench/results/} (or {@code --out}).
 */
public final class BenchRunner {
    private BenchRunner() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the command line {@code args}; returns the process exit status. */
    static int run(String[] args, PrintStream out) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        try {
            // The benchmark JVMs get every tessel.* property; a bad one should fail here, once.
            dev.tessel.Config.current();
        } catch (dev.tessel.ConfigException e) {
            out.println(e.getMessage());
            return 2;
        }
        BenchPlan plan = BenchPlan.of(options);
        plan.notes().forEach(n -> out.println("note: " + n));
        if (options.list()) {
            printPlan(plan, out);
            return 0;
        }
        if (plan.cases() == 0) {
            out.println("nothing to run: no built benchmark matches the options");
            return 2;
        }
        try {
            return execute(options, plan, String.join(" ", args), out, ProgressLine.stdoutIsTerminal());
        } catch (IOException | RunnerException e) {
            out.println("benchmark run failed: " + e.getMessage());
            return 1;
        }
    }

    /** The whole run for an already-made plan; the smoke test calls it with a short timing. */
    static int execute(BenchOptions options, BenchPlan plan, String command, PrintStream out, boolean terminal)
            throws IOException, RunnerException {
        Path dir = options.out() != null ? options.out() : defaultOutput();
        Files.createDirectories(dir);
        out.println("Measuring this machine's limits:");
        MachineLimits limits = MachineLimits.measure(plan.threadCounts(), out);
        out.printf("Running %d cases with JMH (about %s):%n", plan.cases(),
                ProgressLine.format(plan.cases() * plan.timing().secondsPerCase()));
        JmhLauncher.Outcome outcome = JmhLauncher.run(plan, dir, out, terminal);
        String json = Files.readString(outcome.json());
        List<Measurement> measurements = JmhResults.parse(json);
        List<OtherResult> others = JmhResults.others(json);
        if (measurements.isEmpty() && others.isEmpty()) {
            out.println("no case produced a result; see " + dir.resolve("jmh-log.txt"));
            return 1;
        }
        NumpyPeer.Timings numpy = numpy(options, plan, measurements, dir, out, terminal);
        ResultTable table = ResultTable.build(measurements, numpy.seconds(), limits);
        out.println();
        out.print(measurements.isEmpty() ? "" : table.toText());
        out.print(others.isEmpty() ? "" : "\n" + OtherTable.toText(others));
        List<String> charts = ChartWriter.write(table, limits, dir);
        List<String> notes = new ArrayList<>(plan.notes());
        notes.addAll(numpy.skipped().stream().map(s -> "NumPy skipped " + s).toList());
        int failed = plan.cases() - measurements.size() - others.size();
        if (failed > 0) {
            notes.add(failed + " of " + plan.cases() + " cases failed (stack traces in jmh-log.txt):");
            outcome.failures().forEach(f -> notes.add("failed: " + f));
        }
        String title = "Tessel benchmarks, " + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " UTC";
        ReportWriter.Context context = new ReportWriter.Context(title, "./tessel bench " + command,
                MachineDescription.lines(), numpy.versions(), notes);
        Path report = ReportWriter.write(dir, context, limits, table, others, charts);
        out.println();
        out.println("Report: " + report);
        return failed > 0 ? 1 : 0;
    }

    private static NumpyPeer.Timings numpy(BenchOptions options, BenchPlan plan, List<Measurement> measurements,
            Path dir, PrintStream out, boolean terminal) {
        if (measurements.isEmpty()) {
            return NumpyPeer.Timings.none("NumPy peer not needed: no catalogue ops were run");
        }
        if (!options.numpy()) {
            return NumpyPeer.Timings.none("NumPy peer skipped (--no-numpy)");
        }
        out.println("Timing the same cases in NumPy:");
        double minSeconds = plan.timing().iterationMillis() / 2000.0;
        NumpyPeer.Timings t = NumpyPeer.run(measurements, minSeconds, plan.timing().iterations() + 2,
                dir.resolve("numpy.json"), out, terminal);
        if (t.seconds().isEmpty()) {
            out.println(t.versions());
        }
        return t;
    }

    /** {@code bench/results/<UTC date-time>} from the repository root, {@code results/...} from inside bench. */
    static Path defaultOutput() {
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss"));
        Path base = Files.isDirectory(Path.of("bench")) ? Path.of("bench", "results") : Path.of("results");
        return base.resolve(stamp);
    }

    private static void printPlan(BenchPlan plan, PrintStream out) {
        for (RunSpec r : plan.runs()) {
            out.printf("%s, tessel.cpu.threads=%d: %d cases %s%n", r.name(), r.threads(), r.cases(),
                    r.params().isEmpty() ? "(its own parameters)" : r.params());
        }
        out.printf("%d cases, about %s%n", plan.cases(), ProgressLine.format(plan.cases() * plan.timing().secondsPerCase()));
    }
}
