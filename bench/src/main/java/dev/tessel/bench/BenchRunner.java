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
        System.exit(run(applyProperties(args), System.out));
    }

    /**
     * Sets {@code -Dkey=value} arguments as system properties and returns the others, so that
     * {@code java ... BenchRunner --ops add -Dtessel.cpu.threads=2} works as {@code ./tessel bench} does.
     */
    static String[] applyProperties(String[] args) {
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (a.startsWith("-D") && eq > 2) {
                System.setProperty(a.substring(2, eq), a.substring(eq + 1));
            } else {
                rest.add(a);
            }
        }
        return rest.toArray(String[]::new);
    }

    /** Runs the command line {@code args}; returns the process exit status. */
    static int run(String[] args, PrintStream out) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(BenchOptions.usage());
            return 0;
        }
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
        if (options.report() != null) {
            try {
                return republish(options.report(), out);
            } catch (IOException e) {
                out.println("cannot write the report again: " + e.getMessage());
                return 1;
            }
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
        BackgroundLoad load = BackgroundLoad.start();
        out.println("Measuring this machine's limits:");
        MachineLimits limits = MachineLimits.measure(plan.threadCounts(), out);
        out.printf("Running %d cases with JMH (about %s):%n", plan.cases(),
                ProgressLine.format(plan.expectedSeconds()));
        JmhLauncher.Outcome outcome = JmhLauncher.run(plan, dir, out, terminal);
        String json = Files.readString(outcome.json());
        List<Measurement> measurements = JmhResults.parse(json);
        List<OtherResult> others = JmhResults.others(json);
        NumpyPeer.Timings numpy = numpy(options, plan, measurements, dir, out, terminal);
        List<String> notes = new ArrayList<>(plan.notes());
        notes.addAll(numpy.skipped().stream().map(s -> "NumPy skipped " + s).toList());
        if (load != null) {
            load.line().ifPresent(notes::add);
        }
        int failed = plan.cases() - measurements.size() - others.size();
        if (failed > 0) {
            notes.add(failed + " of " + plan.cases() + " cases failed (stack traces in jmh-log.txt):");
            outcome.failures().forEach(f -> notes.add("failed: " + f));
        }
        String title = "Tessel benchmarks, " + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " UTC";
        ReportWriter.Context context = new ReportWriter.Context(title, ("./tessel bench " + command).strip(),
                MachineDescription.lines(), numpy.versions(), notes);
        RunRecord.write(dir, context, limits);
        publish(dir, context, limits, json, numpy.seconds(), out);
        return failed > 0 ? 1 : 0;
    }

    /** Prints the tables and writes the charts and {@code report.md} from a run's recorded data. */
    static void publish(Path dir, ReportWriter.Context context, MachineLimits limits, String json,
            java.util.Map<String, Double> numpySeconds, PrintStream out) throws IOException {
        List<Measurement> measurements = JmhResults.parse(json);
        List<OtherResult> others = JmhResults.others(json);
        ResultTable table = ResultTable.build(measurements, numpySeconds, limits);
        out.println();
        out.print(measurements.isEmpty() ? "" : table.toText());
        if (table.rows().stream().anyMatch(r -> r.m().unsettled())) {
            out.println("* iterations differ by more than 2x: still warming up or disturbed; rerun before trusting");
        }
        out.print(others.isEmpty() ? "" : "\n" + OtherTable.toText(others));
        List<String> charts = ChartWriter.write(table, limits, dir);
        Path report = ReportWriter.write(dir, context, limits, table, others, charts);
        out.println();
        out.println("Report: " + report);
    }

    /** {@code --report DIR}: the report of an earlier run, written again from its files. */
    static int republish(Path dir, PrintStream out) throws IOException {
        java.util.Map<?, ?> record = RunRecord.read(dir);
        java.util.Map<String, Double> numpy = java.util.Map.of();
        Path reply = dir.resolve("numpy.json");
        if (Files.isRegularFile(reply)) {
            try {
                numpy = NumpyPeer.parse(Files.readString(reply)).seconds();
            } catch (NumpyPeer.PeerFailure e) {
                out.println("ignoring " + reply + ": " + e.getMessage());
            }
        }
        publish(dir, RunRecord.context(record), RunRecord.limits(record), Files.readString(dir.resolve("jmh.json")), numpy, out);
        return 0;
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
        out.printf("%d cases, about %s%n", plan.cases(), ProgressLine.format(plan.expectedSeconds()));
    }
}
