package dev.tessel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordTest {
    private static final ReportWriter.Context CONTEXT = new ReportWriter.Context("Tessel benchmarks, \"test\"",
            "./tessel bench --ops copy", List.of("CPU: a\\b", "line\ttab"), "NumPy 2.4.6", List.of());

    @Test
    void contextAndLimitsRoundTrip(@TempDir Path dir) throws Exception {
        MachineLimits noFma = new MachineLimits(new TreeMap<>(Map.of(1, 10.5)), new TreeMap<>(Map.of(1, 8.25)),
                Double.NaN, Double.NaN, "FMA peak not measured");
        RunRecord.write(dir, CONTEXT, noFma);
        Map<?, ?> root = RunRecord.read(dir);
        assertEquals(CONTEXT, RunRecord.context(root));
        MachineLimits back = RunRecord.limits(root);
        assertEquals(noFma.copyGBs(), back.copyGBs());
        assertEquals(noFma.triadGBs(), back.triadGBs());
        assertTrue(Double.isNaN(back.fmaF32()));
        assertEquals("FMA peak not measured", back.note());
    }

    @Test
    void reportIsWrittenAgainFromTheFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("jmh.json"), Samples.resource("jmh-bandwidth-sample.json"));
        Files.writeString(dir.resolve("numpy.json"), Samples.resource("numpy-peer-sample.json"));
        RunRecord.write(dir, CONTEXT, Samples.limits());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int rc = BenchRunner.run(new String[] {"--report", dir.toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, bytes.toString(StandardCharsets.UTF_8));
        String report = Files.readString(dir.resolve("report.md"));
        String expectedTable = ResultTable.build(Samples.jmh(), Samples.numpy().seconds(), Samples.limits()).toMarkdown();
        assertTrue(report.startsWith("# Tessel benchmarks, \"test\"\n"), report);
        assertTrue(report.contains(expectedTable), report);
        assertTrue(Files.isRegularFile(dir.resolve("triad-float32.png")));
    }

    @Test
    void aFolderWithoutRunJsonIsExplained(@TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int rc = BenchRunner.run(new String[] {"--report", dir.toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(1, rc);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("run.json not found"), bytes.toString(StandardCharsets.UTF_8));
    }
}
