package dev.tessel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    private static final Measurement ADD = new Measurement("b", "add", "float32", 1_000_000, "simd", 1, 1e-3, 0);
    private static final Measurement MATMUL = new Measurement("b", "matmul", "float64", 256, "scalar", 1, 1e-3, 0);

    @Test
    void derivesThroughputLimitAndSpeedup() {
        ResultTable t = ResultTable.build(List.of(MATMUL, ADD), Map.of(ADD.caseKey(), 2e-3), Samples.limits());
        ResultRow add = t.rows().get(0);
        assertEquals("add", add.m().op(), "catalogue order puts add before matmul");
        assertEquals(1.0, add.nsPerElement(), 1e-12);
        assertEquals(12.0, add.throughput(), 1e-9); // 3 arrays x 4 bytes x 1e6 in 1 ms
        assertEquals(120.0, add.percentOfLimit(), 1e-9); // 12e6 bytes at 10 GB/s (best of copy, triad) = 1.2 ms
        assertEquals(2.0, add.speedupVsNumpy(), 1e-12);
        ResultRow mm = t.rows().get(1);
        assertEquals(2.0 * 256 * 256 * 256 / 1e-3 / 1e9, mm.throughput(), 1e-9);
        assertEquals(1e-3 * 1e9 / (256.0 * 256 * 256), mm.nsPerElement(), 1e-12);
        // compute-bound: 2n^3 flops at the float64 peak of 25 GFLOP/s, over 1 ms
        assertEquals(100 * 2.0 * 256 * 256 * 256 / 25e9 / 1e-3, mm.percentOfLimit(), 1e-9);
        assertTrue(Double.isNaN(mm.speedupVsNumpy()));
    }

    @Test
    void usesTheLimitOfTheCasesThreadCount() {
        Measurement twoThreads = new Measurement("b", "copy", "float64", 1000, "java", 2, 1e-6, 0);
        ResultRow r = ResultTable.build(List.of(twoThreads), Map.of(), Samples.limits()).rows().get(0);
        // 2 arrays x 8 bytes x 1000 = 16000 bytes at 20 GB/s = 0.8 us, over 1 us
        assertEquals(80.0, r.percentOfLimit(), 1e-9);
    }

    @Test
    void rendersAlignedTextAndMarkdown() {
        ResultTable t = ResultTable.build(Samples.jmh(), Samples.numpy().seconds(), Samples.limits());
        String text = t.toText();
        List<String> lines = text.lines().toList();
        assertEquals(2 + 4, lines.size());
        assertTrue(lines.get(0).startsWith("case"), lines.get(0));
        assertTrue(lines.get(1).matches("-+"), lines.get(1));
        for (String line : lines) {
            assertEquals(lines.get(1).length(), line.length(), "every line as wide as the rule: " + line);
        }
        // copy 1e3: 58.887 ns; NumPy's median 1.2289e-6 s
        assertTrue(lines.get(2).startsWith("copy float32 n=1e3 "), lines.get(2));
        assertTrue(lines.get(2).contains(String.format(java.util.Locale.ROOT, "%.2fx", 1.2289263200000277e-06 / 58.887227344483875e-9)),
                lines.get(2));
        String md = t.toMarkdown();
        assertEquals(2 + 4, md.lines().count());
        assertTrue(md.startsWith("| case | ns/elem | throughput | % of limit | vs NumPy | backend | threads |\n"), md);
        assertTrue(md.lines().skip(2).allMatch(l -> l.startsWith("| ") && l.endsWith(" |") && l.chars().filter(c -> c == '|').count() == 8), md);
    }

    @Test
    void marksCasesWhoseIterationsDisagree() {
        Measurement shaky = new Measurement("b", "add", "float32", 1000, "simd", 1, 1e-6, 0, 3.0);
        String text = ResultTable.build(List.of(shaky, ADD), Map.of(), Samples.limits()).toText();
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(2).contains(" 1.00* "), text);
        assertTrue(lines.get(3).contains(" 1.00 "), text);
    }

    @Test
    void formatsNumbersToThreeSignificantDigits() {
        assertEquals("1234", ResultTable.number(1234.4));
        assertEquals("12.3", ResultTable.number(12.34));
        assertEquals("1.23", ResultTable.number(1.234));
        assertEquals("0.0123", ResultTable.number(0.01234));
        assertEquals("-", ResultTable.number(Double.NaN));
        String text = ResultTable.build(List.of(new Measurement("b", "sum", "float64", 10, "simd", 0, 1e-6, 0)),
                Map.of(), Samples.limits()).toText();
        assertTrue(text.lines().skip(2).findFirst().orElseThrow().endsWith("auto"), text);
    }
}
