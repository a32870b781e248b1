package dev.tessel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    @Test
    void noArgumentsMeansTheQuickSet() {
        BenchOptions o = BenchOptions.parse();
        assertFalse(o.full());
        assertNull(o.ops());
        assertTrue(o.numpy());
    }

    @Test
    void readsEveryOption() {
        BenchOptions o = BenchOptions.parse("--full", "--ops", "add,exp", "--sizes=1e3,250000", "--matmul-sizes", "64",
                "--dtypes", "float64", "--threads", "1,2", "--backend", "scalar,simd", "--include", "ownership", "--out", "/tmp/x", "--no-numpy", "--list");
        assertTrue(o.full());
        assertEquals(List.of("add", "exp"), o.ops());
        assertEquals(List.of(1000L, 250000L), o.sizes());
        assertEquals(List.of(64L), o.matmulSizes());
        assertEquals(List.of("float64"), o.dtypes());
        assertEquals(List.of(1, 2), o.threads());
        assertEquals(List.of("scalar", "simd"), o.backends());
        assertEquals("ownership", o.include());
        assertEquals(Path.of("/tmp/x"), o.out());
        assertFalse(o.numpy());
        assertTrue(o.list());
    }

    @Test
    void badValuesNameTheOptionAndTheValue() {
        assertMessage("unknown op 'pow'", "--ops", "add,pow");
        assertMessage("--dtypes value 'int7'", "--dtypes", "int7");
        assertMessage("--threads value '0'", "--threads", "0");
        assertMessage("--backend value 'tpu'", "--backend", "tpu");
        assertMessage("got '1.5e3x'", "--sizes", "1.5e3x");
        assertMessage("option --out needs a value", "--out");
        assertMessage("unknown option '--fast'", "--fast");
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void sizesReadAndPrintInENotation() {
        assertEquals(1_000_000L, SizeFormat.parse("1e6"));
        assertEquals(2048L, SizeFormat.parse("2048"));
        assertEquals("1e7", SizeFormat.format(10_000_000));
        assertEquals("2048", SizeFormat.format(2048));
        assertThrows(IllegalArgumentException.class, () -> SizeFormat.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> SizeFormat.parse("1.5"));
    }

    @Test
    void timingOverridesTheSetsIterations() {
        BenchPlan plan = BenchPlan.of(BenchOptions.parse("--ops", "add", "--timing", "5x500,4x300"));
        assertEquals(new JmhTiming(5, 500, 4, 300), plan.timing());
        assertEquals(JmhTiming.QUICK, BenchPlan.of(BenchOptions.parse("--ops", "add")).timing());
        assertMessage("--timing takes WARMUPSxMS,ITERATIONSxMS with positive numbers (e.g. 5x500,5x300), got '5x0,1x1'",
                "--timing", "5x0,1x1");
        assertMessage("got '5x500'", "--timing", "5x500");
    }
}
