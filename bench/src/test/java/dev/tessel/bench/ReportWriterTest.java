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
        String md = ReportWriter.render(c, Samples.limits(), t, List.of("copy-float32.png"));
        assertTrue(md.startsWith("# Tessel benchmarks, test\n"), md);
        assertTrue(md.contains("Command: `./tessel bench --sizes 1e3`"), md);
        assertTrue(md.contains("- CPU: test\n- Peer: NumPy 2.4.6\n"), md);
        assertTrue(md.contains("| 1 | 10.0 | 8.00 | 50.0 | 25.0 |\n| 2 | 20.0 | 16.0 | 100 | 50.0 |\n"), md);
        assertTrue(md.contains(t.toMarkdown()), md);
        assertTrue(md.contains("## Notes\n\n- add skipped: not built\n"), md);
        assertTrue(md.contains("![copy-float32](copy-float32.png)"), md);
    }
}
