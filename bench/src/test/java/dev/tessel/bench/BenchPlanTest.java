package dev.tessel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BenchPlanTest {
    @Test
    void quickSetRunsOnlyBuiltBenchmarksAndSaysWhatItLeftOut() {
        BenchPlan plan = BenchPlan.of(BenchOptions.parse());
        assertEquals(JmhTiming.QUICK, plan.timing());
        for (RunSpec run : plan.runs()) {
            for (String op : run.params().get("op")) {
                assertTrue(BenchPlan.QUICK_OPS.contains(op), op);
                assertTrue(OpCatalog.isBuilt(OpCatalog.get(op)), op);
            }
        }
        for (String op : BenchPlan.QUICK_OPS) {
            OpSpec spec = OpCatalog.get(op);
            boolean planned = plan.runs().stream().anyMatch(r -> r.params().get("op").contains(op));
            boolean noted = plan.notes().stream().anyMatch(n -> n.contains(op) && n.contains(spec.benchmark()));
            assertTrue(planned != noted, op + " is either planned or noted as missing");
        }
    }

    @Test
    void optionsNarrowTheCartesianProduct() {
        BenchPlan plan = BenchPlan.of(BenchOptions.parse("--ops", "copy,triad", "--sizes", "1e3,1e4,1e5",
                "--dtypes", "float32,float64", "--threads", "1,2"));
        assertEquals(2, plan.runs().size());
        RunSpec first = plan.runs().get(0);
        assertEquals("BandwidthBench", first.name());
        assertEquals("^\\Q" + OpCatalog.BANDWIDTH + "\\E\\.", first.include());
        assertEquals(List.of("1000", "10000", "100000"), first.params().get("size"));
        assertEquals(false, first.params().containsKey("backend"), "BandwidthBench has no backend parameter");
        assertEquals(2 * 3 * 2, first.cases());
        assertEquals(24, plan.cases());
        assertEquals(List.of(1, 2), plan.threadCounts());
    }

    @Test
    void otherBenchmarksRunWithTheirOwnParameters() {
        RunSpec r = RunSpec.forMethod("dev.tessel.bench.simd.AddKernel.run",
                java.util.Map.of("n", new String[] {"1", "2", "3"}, "dtype", new String[] {"f", "d"}), 2, 7.5);
        assertEquals("simd.AddKernel.run", r.name());
        assertEquals(6, r.cases());
        assertEquals(java.util.Map.of(), r.params());
        assertTrue(java.util.regex.Pattern.compile(r.include()).matcher("dev.tessel.bench.simd.AddKernel.run").find());
        assertTrue(!java.util.regex.Pattern.compile(r.include()).matcher("dev.tessel.bench.simd.AddKernel.runAll").find());
    }

    @Test
    void discoveryLeavesOutTheCataloguesOwnClasses() {
        assertEquals(java.util.Map.of(), BenchmarkDiscovery.matching("BandwidthBench"));
        BenchPlan plan = BenchPlan.of(BenchOptions.parse("--include", "BandwidthBench"));
        assertEquals(0, plan.cases(), "--include alone runs only what it names");
    }

    @Test
    void fullThreadCountsDoubleUpToTheProcessors() {
        List<Integer> counts = BenchPlan.defaultThreads(true);
        assertEquals(1, counts.get(0));
        assertEquals(Runtime.getRuntime().availableProcessors(), counts.get(counts.size() - 1));
    }

    @Test
    void forkedJvmsGetModulesTesselPropertiesAndThreads() {
        Properties p = new Properties();
        p.setProperty("tessel.ownership", "wait");
        p.setProperty("tessel.cpu.threads", "16");
        p.setProperty("user.name", "x");
        assertEquals(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Dtessel.ownership=wait", "-Dtessel.cpu.threads=3"),
                JmhLauncher.forkArgs(3, p, null));
        assertEquals("@/sdk/tornado-argfile", JmhLauncher.forkArgs(1, p, "/sdk").get(0));
    }

    @Test
    void gpuCasesRunInTheirOwnJvmsWithTornadoFlags() {
        BenchPlan plan = BenchPlan.of(BenchOptions.parse("--ops", "add,copy", "--backend", "simd,gpu", "--threads", "2"));
        List<RunSpec> elementwise = plan.runs().stream().filter(r -> r.name().equals("ElementwiseBench")).toList();
        assertEquals(List.of(List.of("simd"), List.of("gpu")), elementwise.stream().map(r -> r.params().get("backend")).toList());
        assertEquals(List.of(false, true), elementwise.stream().map(RunSpec::tornado).toList());
        assertTrue(plan.runs().stream().filter(r -> r.name().equals("BandwidthBench")).noneMatch(RunSpec::tornado));
    }
}
