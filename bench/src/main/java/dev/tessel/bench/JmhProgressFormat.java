package dev.tessel.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output, turned into the runner's progress line. JMH's own text (per-iteration scores,
 * forked JVM output, stack traces) goes to a log file; a failed case is also shown as one
 * line (its label and the exception's message), so a broken benchmark is never silent.
 */
final class JmhProgressFormat implements OutputFormat {
    private final ProgressLine progress;
    private final PrintWriter log;
    private final int threads;
    private final List<String> failures;
    private String current = "";
    private boolean failing;

    /** {@code failures} collects one line per failed case: its label and the exception's first line. */
    JmhProgressFormat(ProgressLine progress, PrintWriter log, int threads, List<String> failures) {
        this.progress = progress;
        this.log = log;
        this.threads = threads;
        this.failures = failures;
    }

    /** "add float32 n=1e5 simd 2 thr" from a case's parameters. */
    static String label(BenchmarkParams p, int threads) {
        if (!OpCatalog.measures(p.getBenchmark(), p.getParam("op"))) {
            StringBuilder s = new StringBuilder(OpCatalog.shortName(p.getBenchmark()));
            p.getParamsKeys().forEach(k -> s.append(' ').append(k).append('=').append(p.getParam(k)));
            return s.append(", ").append(threads).append(" thr").toString();
        }
        StringBuilder s = new StringBuilder(p.getParam("op"));
        if (p.getParam("dtype") != null) {
            s.append(' ').append(p.getParam("dtype"));
        }
        if (p.getParam("size") != null) {
            long size = Long.parseLong(p.getParam("size"));
            s.append(OpCatalog.get(p.getParam("op")).isMatmul() ? " " + size + "x" + size : " n=" + SizeFormat.format(size));
        }
        s.append(' ').append(p.getParam("backend") != null ? p.getParam("backend") : "java");
        return s.append(", ").append(threads).append(" thr").toString();
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        failing = false;
        current = label(params, threads);
        log.println("# " + current);
        progress.start(current);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        progress.finish();
    }

    @Override
    public void iteration(BenchmarkParams b, IterationParams i, int n) {}

    @Override
    public void iterationResult(BenchmarkParams b, IterationParams i, int n, IterationResult r) {
        log.println("  " + i.getType() + " " + n + ": " + r.getPrimaryResult());
    }

    @Override
    public void startRun() {}

    @Override
    public void endRun(Collection<RunResult> results) {
        log.flush();
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    @Override
    public void println(String s) {
        if (s.startsWith("Excluding: ")) {
            return; // one line per non-matching benchmark per run: noise in the log
        }
        log.println(s);
        if (s.contains("<failure>")) {
            failing = true;
        } else if (failing && !s.isBlank()) {
            // The exception's first line says what went wrong; its stack trace stays in the log.
            failing = false;
            String line = current + ": " + s.strip().lines().findFirst().orElse("");
            failures.add(line);
            progress.message("  failed: " + line);
        }
    }

    @Override
    public void flush() {
        log.flush();
    }

    @Override
    public void close() {
        log.flush();
    }

    @Override
    public void verbosePrintln(String s) {
        // JMH's verbose chatter (exclusions, fork command lines) is not needed in the log.
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.print(new String(b, java.nio.charset.StandardCharsets.UTF_8));
    }
}
