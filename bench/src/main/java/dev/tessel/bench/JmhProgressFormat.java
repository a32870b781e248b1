package dev.tessel.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collection;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output, turned into the runner's progress line. JMH's own text (per-iteration scores,
 * forked JVM output) goes to a log file; lines that report a failure are also shown, so a
 * broken benchmark is never silent.
 */
final class JmhProgressFormat implements OutputFormat {
    private final ProgressLine progress;
    private final PrintWriter log;
    private final int threads;
    private boolean failing;

    JmhProgressFormat(ProgressLine progress, PrintWriter log, int threads) {
        this.progress = progress;
        this.log = log;
        this.threads = threads;
    }

    /** "add float32 n=1e5 simd 2 thr" from a case's parameters. */
    static String label(BenchmarkParams p, int threads) {
        StringBuilder s = new StringBuilder(p.getParam("op") == null ? p.getBenchmark() : p.getParam("op"));
        if (p.getParam("dtype") != null) {
            s.append(' ').append(p.getParam("dtype"));
        }
        if (p.getParam("size") != null) {
            s.append(" n=").append(SizeFormat.format(Long.parseLong(p.getParam("size"))));
        }
        s.append(' ').append(p.getParam("backend") != null ? p.getParam("backend") : "java");
        return s.append(", ").append(threads).append(" thr").toString();
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        failing = false;
        log.println("# " + label(params, threads));
        progress.start(label(params, threads));
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
        log.println(s);
        if (s.contains("<failure>")) {
            failing = true;
        }
        if (failing || s.contains("Exception") || s.startsWith("ERROR")) {
            progress.message("  " + s);
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
        log.println(s);
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
