package dev.tessel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One tiny benchmark through the whole runner: limits, a forked JMH case, NumPy if present, report. */
class BenchRunnerSmokeTest {
    @Test
    void runsOneCaseEndToEnd(@TempDir Path dir) throws Exception {
        BenchOptions options = BenchOptions.parse("--ops", "copy", "--sizes", "1000", "--dtypes", "float64",
                "--threads", "1", "--out", dir.toString());
        BenchPlan quick = BenchPlan.of(options);
        BenchPlan plan = new BenchPlan(quick.runs(), quick.notes(), JmhTiming.SMOKE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // Other builds on a shared machine may be running JMH; a smoke test's numbers do not matter.
        String lock = System.setProperty("jmh.ignoreLock", "true");
        int rc;
        try {
            rc = BenchRunner.execute(options, plan, "--ops copy", new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        } finally {
            if (lock == null) {
                System.clearProperty("jmh.ignoreLock");
            } else {
                System.setProperty("jmh.ignoreLock", lock);
            }
        }
        String console = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, console);
        assertTrue(console.contains("[1/1] copy float64 n=1e3 java, 1 thr"), console);
        List<Measurement> ms = JmhResults.read(dir.resolve("jmh.json"));
        assertEquals(1, ms.size());
        assertEquals(1, ms.get(0).threads());
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("| copy float64 n=1e3 |"), report);
        assertTrue(Files.size(dir.resolve("copy-float64.png")) > 0);
        assertEquals(List.of(1), List.copyOf(RunRecord.limits(RunRecord.read(dir)).copyGBs().keySet()));
    }

    @Test
    void definesInTheArgumentsBecomeSystemProperties() {
        String key = "bench.test.applyProperties";
        try {
            String[] rest = BenchRunner.applyProperties(new String[] {"--ops", "add", "-D" + key + "=a=b", "-Dnovalue"});
            assertEquals(List.of("--ops", "add", "-Dnovalue"), List.of(rest));
            assertEquals("a=b", System.getProperty(key));
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void helpPrintsTheOptions() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(0, BenchRunner.run(new String[] {"--help"}, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        String usage = bytes.toString(StandardCharsets.UTF_8);
        for (String option : List.of("--full", "--ops", "--sizes", "--dtypes", "--threads", "--backend", "--out")) {
            assertTrue(usage.contains(option), option + " in " + usage);
        }
    }

    @Test
    void badOptionsExitWithStatusTwo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int rc = BenchRunner.run(new String[] {"--dtypes", "int7"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(2, rc);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("--dtypes value 'int7'"));
    }
}
