package dev.tessel.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a {@link BenchPlan} with JMH, one forked JVM per case, and writes JMH's JSON for all of
 * it into one file. Forked JVMs get the Vector API module, native access, the run's
 * {@code tessel.cpu.threads}, and every other {@code tessel.*} property the runner was given.
 */
final class JmhLauncher {
    /** JMH 1.37 still calls sun.misc.Unsafe; JDK 25 warns about it in every fork unless allowed. */
    static final List<String> FORK_FLAGS = List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");

    private JmhLauncher() {}

    /**
     * What a run left behind.
     *
     * @param json JMH's JSON for every case that finished
     * @param failures one line per failed case: its label and the exception's message
     */
    record Outcome(Path json, List<String> failures) {}

    /** Runs every case of {@code plan}; writes {@code jmh.json} and {@code jmh-log.txt} into {@code dir}. */
    static Outcome run(BenchPlan plan, Path dir, PrintStream console, boolean terminal) throws IOException, RunnerException {
        ProgressLine progress = new ProgressLine(console, terminal, plan.cases(), plan.expectedSeconds() / Math.max(1, plan.cases()));
        List<RunResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(dir.resolve("jmh-log.txt"), StandardCharsets.UTF_8))) {
            for (RunSpec spec : plan.runs()) {
                JmhProgressFormat format = new JmhProgressFormat(progress, log, spec.threads(), failures);
                results.addAll(new Runner(options(spec, plan.timing(), System.getProperties()).build(), format).run());
            }
        } finally {
            progress.close();
        }
        Path json = dir.resolve("jmh.json");
        try (PrintStream out = new PrintStream(Files.newOutputStream(json), true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        if (results.size() < plan.cases()) {
            console.printf("%d of %d cases failed; see %s%n", plan.cases() - results.size(), plan.cases(), dir.resolve("jmh-log.txt"));
        }
        return new Outcome(json, failures);
    }

    static ChainedOptionsBuilder options(RunSpec spec, JmhTiming timing, Properties properties) {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .include(spec.include())
                .jvmArgs(forkArgs(spec.threads(), properties, spec.tornado() ? System.getenv("TORNADOVM_HOME") : null)
                        .toArray(String[]::new));
        if (!spec.ownTiming()) {
            b.forks(1)
                    .warmupIterations(timing.warmups())
                    .warmupTime(TimeValue.milliseconds(timing.warmupMillis()))
                    .measurementIterations(timing.iterations())
                    .measurementTime(TimeValue.milliseconds(timing.iterationMillis()));
        }
        for (Map.Entry<String, List<String>> p : spec.params().entrySet()) {
            b.param(p.getKey(), p.getValue().toArray(String[]::new));
        }
        return b;
    }

    /**
     * The forked JVMs' flags: TornadoVM's argument file when {@code tornadoHome} is given (for
     * gpu cases), module and access flags, then {@code -Dtessel.*}, threads last.
     */
    static List<String> forkArgs(int threads, Properties properties, String tornadoHome) {
        List<String> args = new ArrayList<>();
        if (tornadoHome != null) {
            args.add("@" + tornadoHome + "/tornado-argfile");
        }
        args.addAll(FORK_FLAGS);
        properties.stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith("tessel.") && !k.equals(BenchThreads.PROPERTY))
                .forEach(k -> args.add("-D" + k + "=" + properties.getProperty(k)));
        args.add("-D" + BenchThreads.PROPERTY + "=" + threads);
        return args;
    }
}
