package dev.tessel.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ChartWriterTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void writesOnePngPerOpAndDtype(@TempDir Path dir) throws IOException {
        ResultTable t = ResultTable.build(Samples.jmh(), Samples.numpy().seconds(), Samples.limits());
        List<String> files = ChartWriter.write(t, Samples.limits(), dir);
        assertEquals(List.of("copy-float32.png", "triad-float32.png"), files);
        for (String f : files) {
            assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Files.readAllBytes(dir.resolve(f)), 4), f);
        }
    }

    @Test
    void plotsBackendNumpyAndTheBandwidthLine() {
        ResultTable t = ResultTable.build(Samples.jmh(), Samples.numpy().seconds(), Samples.limits());
        XYChart chart = ChartWriter.chart(t.rows().subList(0, 2), Samples.limits());
        Map<String, XYSeries> series = chart.getSeriesMap();
        assertEquals(List.of("java, 2 thr", "NumPy, 1 thr", "DRAM bandwidth, 2 thr"), List.copyOf(series.keySet()));
        XYSeries tessel = series.get("java, 2 thr");
        assertArrayEquals(new double[] {1000, 100000}, tessel.getXData());
        assertArrayEquals(new double[] {t.rows().get(0).throughput(), t.rows().get(1).throughput()}, tessel.getYData());
        // 2 threads: best of copy 20 and triad 16 GB/s
        assertArrayEquals(new double[] {20, 20}, series.get("DRAM bandwidth, 2 thr").getYData());
        // NumPy copy 1e3 float32: 8000 bytes in 1.2289263200000277e-06 s
        assertEquals(8000 / 1.2289263200000277e-06 / 1e9, series.get("NumPy, 1 thr").getYData()[0], 1e-9);
    }

    @Test
    void scalingChartOnlyWithSeveralThreadCounts() {
        List<Measurement> ms = List.of(new Measurement("b", "add", "float32", 1000, "simd", 1, 1e-6, 0),
                new Measurement("b", "add", "float32", 1_000_000, "simd", 1, 1e-3, 0),
                new Measurement("b", "add", "float32", 1_000_000, "simd", 2, 0.5e-3, 0));
        ResultTable t = ResultTable.build(ms, Map.of(), Samples.limits());
        XYChart chart = ChartWriter.scalingChart(t.rows());
        XYSeries simd = chart.getSeriesMap().get("simd");
        assertArrayEquals(new double[] {1, 2}, simd.getXData());
        assertArrayEquals(new double[] {12, 24}, simd.getYData(), 1e-9); // 12e6 bytes in 1 ms, then 0.5 ms
        assertArrayEquals(new double[] {12, 24}, chart.getSeriesMap().get("simd, linear scaling").getYData(), 1e-9);
        assertEquals(null, ChartWriter.scalingChart(t.rows().subList(0, 2)));
    }

    @Test
    void matmulChartsShowTheFmaPeak() {
        List<Measurement> ms = List.of(new Measurement("b", "matmul", "float32", 256, "simd", 2, 1e-3, 0),
                new Measurement("b", "matmul", "float32", 1024, "simd", 2, 0.1, 0));
        ResultTable t = ResultTable.build(ms, Map.of(), Samples.limits());
        XYChart chart = ChartWriter.chart(t.rows(), Samples.limits());
        // float32 peak 50 GFLOP/s per thread, two threads
        assertArrayEquals(new double[] {100, 100}, chart.getSeriesMap().get("FMA peak, 2 thr").getYData());
        assertEquals("GFLOP/s", chart.getYAxisTitle());
    }
}
