package dev.tessel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JmhResultsTest {
    @Test
    void readsTheRecordedRun() {
        List<Measurement> ms = Samples.jmh();
        assertEquals(4, ms.size());
        Measurement first = ms.get(0);
        assertEquals("dev.tessel.bench.BandwidthBench.run", first.benchmark());
        assertEquals("copy", first.op());
        assertEquals("float32", first.dtype());
        assertEquals(1000, first.size());
        assertEquals("java", first.backend());
        assertEquals(2, first.threads());
        // score 58.887227344483875 ns/op and error 434.27944589063793 ns/op in the file
        assertEquals(58.887227344483875e-9, first.seconds(), 1e-20);
        assertEquals(434.27944589063793e-9, first.errorSeconds(), 1e-20);
        assertEquals(List.of("copy", "copy", "triad", "triad"), ms.stream().map(Measurement::op).toList());
        // triad 1e3's iterations in the file run from 119.779 to 175493.563 ns/op: it was still warming up
        assertEquals(175493.56309263312 / 119.77899590419494, ms.get(2).spread(), 1e-9);
        assertTrue(ms.get(2).unsettled());
        assertEquals(List.of(1000L, 100000L, 1000L, 100000L), ms.stream().map(Measurement::size).toList());
        assertEquals("triad/float32/100000", ms.get(3).caseKey());
    }

    @Test
    void separatesCatalogueOpsFromOtherBenchmarks() {
        String json = """
                [{"benchmark": "x.Other.run", "params": {"n": "3"}, "jvmArgs": [],
                  "primaryMetric": {"score": 1.0, "scoreError": "NaN", "scoreUnit": "us/op"}},
                 {"benchmark": "dev.tessel.bench.ufunc.ElementwiseBench.run", "params": {"op": "add", "dtype": "float64", "size": "1000000", "backend": "simd"},
                  "jvmArgs": ["-Dtessel.cpu.threads=4"],
                  "primaryMetric": {"score": 250.0, "scoreError": NaN, "scoreUnit": "ops/s"}},
                 {"benchmark": "dev.tessel.bench.ufunc.ElementwiseBench.run", "params": {"op": "add", "dtype": "float64", "size": "1000", "backend": "scalar"},
                  "primaryMetric": {"score": 2.0, "scoreUnit": "ms/op"}},
                 {"benchmark": "dev.tessel.bench.simd.Kernels.add", "params": {"op": "add", "n": "64"},
                  "jvmArgs": ["-Dtessel.cpu.threads=1"], "primaryMetric": {"score": 7.5, "scoreError": 0.5, "scoreUnit": "ns/op"}}]
                """;
        List<Measurement> ms = JmhResults.parse(json);
        assertEquals(2, ms.size());
        assertEquals(List.of(new OtherResult("x.Other.run", java.util.Map.of("n", "3"), 1.0, Double.NaN, "us/op", 0),
                new OtherResult("dev.tessel.bench.simd.Kernels.add", java.util.Map.of("op", "add", "n", "64"), 7.5, 0.5, "ns/op", 1)),
                JmhResults.others(json));
        assertEquals(new Measurement("dev.tessel.bench.ufunc.ElementwiseBench.run", "add", "float64", 1_000_000, "simd", 4, 0.004, Double.NaN), ms.get(0));
        assertEquals(0, ms.get(1).threads());
        assertEquals(0.002, ms.get(1).seconds(), 1e-15);
    }

    @Test
    void convertsScoreUnitsToSeconds() {
        assertEquals(2e-6, JmhResults.toSeconds(2, "us/op"), 1e-20);
        assertEquals(3.0, JmhResults.toSeconds(3, "s/op"));
        assertEquals(0.25, JmhResults.toSeconds(4, "ops/s"));
        assertEquals(5e-4, JmhResults.toSeconds(2, "ops/ms"), 1e-18);
        assertThrows(IllegalArgumentException.class, () -> JmhResults.toSeconds(1, "furlongs"));
        assertThrows(IllegalArgumentException.class, () -> JmhResults.toSeconds(1, "ns/fortnight"));
    }

    @Test
    void spreadIsSlowestOverFastestIterationAcrossForks() {
        assertEquals(3.0, JmhResults.spread(List.of(List.of(2.0, 6.0), List.of(3.0))));
        assertEquals(1.0, JmhResults.spread(null));
    }
}
