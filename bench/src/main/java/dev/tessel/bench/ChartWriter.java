package dev.tessel.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One PNG per op and dtype: throughput against size, a series per backend and thread count,
 * NumPy's series, and the machine's limit as a dashed line (DRAM bandwidth for streaming ops,
 * the FMA peak for matmul). When the run used several thread counts, a second PNG per op and
 * dtype shows throughput against threads at the largest size.
 */
final class ChartWriter {
    private ChartWriter() {}

    /** Writes the charts into {@code dir}; returns the file names written, in report order. */
    static List<String> write(ResultTable table, MachineLimits limits, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
        for (ResultRow r : table.rows()) {
            groups.computeIfAbsent(r.m().op() + "-" + r.m().dtype(), k -> new ArrayList<>()).add(r);
        }
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, List<ResultRow>> g : groups.entrySet()) {
            files.add(save(chart(g.getValue(), limits), dir, g.getKey()));
            XYChart scaling = scalingChart(g.getValue());
            if (scaling != null) {
                files.add(save(scaling, dir, "scaling-" + g.getKey()));
            }
        }
        return files;
    }

    private static String save(XYChart chart, Path dir, String stem) throws IOException {
        BitmapEncoder.saveBitmap(chart, dir.resolve(stem + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
        return stem + ".png";
    }

    /**
     * Throughput against thread count at the largest size, a series per backend; null when
     * the run used a single thread count. Linear axes, so perfect scaling is a straight line.
     */
    static XYChart scalingChart(List<ResultRow> rows) {
        long largest = rows.stream().mapToLong(r -> r.m().size()).max().orElseThrow();
        Map<String, TreeMap<Long, Double>> series = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            if (r.m().size() == largest && r.m().threads() > 0) {
                series.computeIfAbsent(r.m().backend(), k -> new TreeMap<>()).put((long) r.m().threads(), r.throughput());
            }
        }
        if (series.values().stream().allMatch(points -> points.size() < 2)) {
            return null;
        }
        ResultRow first = rows.get(0);
        String size = first.spec().isMatmul() ? largest + "x" + largest : "n=" + SizeFormat.format(largest);
        XYChart chart = new XYChartBuilder().width(800).height(500)
                .title("scaling: " + first.m().op() + " " + first.m().dtype() + " " + size)
                .xAxisTitle("threads (tessel.cpu.threads)").yAxisTitle(first.unit()).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,##0.#");
        chart.getStyler().setXAxisDecimalPattern("0");
        series.forEach((backend, points) -> {
            add(chart, backend, points);
            if (points.firstKey() == 1 && points.size() > 1) {
                // Perfect scaling from the one-thread point, for reading the others against.
                TreeMap<Long, Double> ideal = new TreeMap<>();
                points.keySet().forEach(t -> ideal.put(t, t * points.firstEntry().getValue()));
                XYSeries line = add(chart, backend + ", linear scaling", ideal);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineStyle(SeriesLines.DOT_DOT);
            }
        });
        return chart;
    }

    /** The chart for one op and dtype. */
    static XYChart chart(List<ResultRow> rows, MachineLimits limits) {
        ResultRow first = rows.get(0);
        OpSpec spec = first.spec();
        XYChart chart = new XYChartBuilder().width(800).height(500)
                .title(first.m().op() + " " + first.m().dtype())
                .xAxisTitle(spec.isMatmul() ? "matrix side n" : "elements")
                .yAxisTitle(first.unit()).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,##0.#");
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        Map<String, TreeMap<Long, Double>> series = new LinkedHashMap<>();
        TreeMap<Long, Double> numpy = new TreeMap<>();
        int maxThreads = 1;
        for (ResultRow r : rows) {
            String label = r.m().backend() + ", " + (r.m().threads() > 0 ? r.m().threads() + " thr" : "auto");
            series.computeIfAbsent(label, k -> new TreeMap<>()).put(r.m().size(), r.throughput());
            if (!Double.isNaN(r.numpySeconds())) {
                numpy.put(r.m().size(), ResultTable.throughput(spec, r.m().dtype(), r.m().size(), r.numpySeconds()));
            }
            maxThreads = Math.max(maxThreads, r.m().threads());
        }
        series.forEach((label, points) -> add(chart, label, points));
        if (!numpy.isEmpty()) {
            add(chart, "NumPy, 1 thr", numpy);
        }
        addLimit(chart, spec, first.m().dtype(), maxThreads, limits, rows);
        return chart;
    }

    private static XYSeries add(XYChart chart, String label, TreeMap<Long, Double> points) {
        double[] x = points.keySet().stream().mapToDouble(Long::doubleValue).toArray();
        double[] y = points.values().stream().mapToDouble(Double::doubleValue).toArray();
        return chart.addSeries(label, x, y);
    }

    private static void addLimit(XYChart chart, OpSpec spec, String dtype, int threads, MachineLimits limits,
            List<ResultRow> rows) {
        boolean flops = spec.metric() == OpSpec.Metric.FLOPS;
        double level = flops ? limits.flops(dtype, threads) : limits.bandwidth(threads);
        if (Double.isNaN(level)) {
            return;
        }
        long lo = rows.stream().mapToLong(r -> r.m().size()).min().orElseThrow();
        long hi = rows.stream().mapToLong(r -> r.m().size()).max().orElseThrow();
        TreeMap<Long, Double> line = new TreeMap<>();
        line.put(lo, level);
        line.put(Math.max(hi, lo + 1), level);
        String label = (flops ? "FMA peak, " : "DRAM bandwidth, ") + threads + " thr";
        XYSeries s = add(chart, label, line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.DASH_DASH);
    }
}
