package dev.tessel.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWriterTest {
    @Test
    void reportHasMachineLimitsTableNotesAndCharts() {
        ResultTable t = ResultTable.build(Samples.jmh(), Samples.numpy().seconds(), Samples.limits());
        ReportWriter.Context c = new ReportWriter.Context("Tessel benchmarks, test", "./tessel bench --sizes 1e3",
                List.of("CPU: test"), "NumPy 2.4.6", List.of("add skipped: not built"));
        String md = ReportWriter.render(c, Samples.limits(), t, List.of(), List.of("copy-float32.png"));
        assertTrue(md.startsWith("# Tessel benchmarks, test\n"), md);
        assertTrue(md.contains("Command: `./tessel bench --sizes 1e3`"), md);
        assertTrue(md.contains("- CPU: test\n- Peer: NumPy 2.4.6\n"), md);
        assertTrue(md.contains("| 1 | 10.0 | 8.00 | 50.0 | 25.0 |\n| 2 | 20.0 | 16.0 | 100 | 50.0 |\n"), md);
        assertTrue(md.contains(t.toMarkdown()), md);
        assertTrue(md.contains("## Notes\n\n- add skipped: not built\n"), md);
        assertTrue(md.contains("![copy-float32](copy-float32.png)"), md);
        assertTrue(!md.contains("Other benchmarks"), md);
    }

    @Test
    void aRunWithoutResultsPointsAtTheNotes() {
        ResultTable empty = ResultTable.build(List.of(), java.util.Map.of(), Samples.limits());
        ReportWriter.Context c = new ReportWriter.Context("t", "c", List.of(), "none", List.of("failed: add: boom"));
        String md = ReportWriter.render(c, Samples.limits(), empty, List.of(), List.of());
        assertTrue(md.contains("## Results\n\nNo case produced a result; the notes say why.\n"), md);
        assertTrue(!md.contains("| case |") && md.contains("- failed: add: boom"), md);
    }

    @Test
    void otherBenchmarksGetTheirOwnTable() {
        ResultTable empty = ResultTable.build(List.of(), java.util.Map.of(), Samples.limits());
        OtherResult r = new OtherResult("dev.tessel.bench.simd.Kernels.add",
                new java.util.LinkedHashMap<>(java.util.Map.of("op", "add")), 7.5, 0.5, "ns/op", 1);
        ReportWriter.Context c = new ReportWriter.Context("t", "c", List.of(), "none", List.of());
        String md = ReportWriter.render(c, Samples.limits(), empty, List.of(r), List.of());
        assertTrue(md.contains("## Other benchmarks\n\n| benchmark | params | score | error | unit | threads |\n"
                + "|---|---|---:|---:|---|---:|\n| simd.Kernels.add | op=add | 7.50 | 0.500 | ns/op | 1 |\n"), md);
        assertTrue(OtherTable.toText(List.of(r)).startsWith("simd.Kernels.add"), OtherTable.toText(List.of(r)));
    }
}
