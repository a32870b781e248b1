package dev.tessel.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Finds compiled JMH benchmarks outside the op catalogue, from the list JMH's annotation processor writes. */
final class BenchmarkDiscovery {
    private BenchmarkDiscovery() {}

    /**
     * A benchmark method found.
     *
     * @param params its declared parameter values
     * @param secondsPerCase what one case should take under its own {@code @Warmup},
     *     {@code @Measurement} and {@code @Fork} settings (JMH's defaults where it has none)
     */
    record Found(Map<String, String[]> params, double secondsPerCase) {}

    private static double secondsPerCase(BenchmarkListEntry e) {
        double warmup = e.getWarmupIterations().orElse(5) * seconds(e.getWarmupTime().orElse(null));
        double measure = e.getMeasurementIterations().orElse(5) * seconds(e.getMeasurementTime().orElse(null));
        int forks = Math.max(1, e.getForks().orElse(5));
        return forks * (1.0 + warmup + measure);
    }

    private static double seconds(TimeValue t) {
        return t == null ? 10.0 : t.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0;
    }

    /**
     * Benchmark methods whose names match {@code regex} (found anywhere in the name, as JMH's
     * include does), excluding the catalogue's classes, with their declared parameter values.
     */
    static Map<String, Found> matching(String regex) {
        Pattern pattern = Pattern.compile(regex);
        Set<String> catalogued = Set.copyOf(OpCatalog.all().stream().map(OpSpec::benchmark).toList());
        Map<String, Found> found = new TreeMap<>();
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        for (BenchmarkListEntry e : BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT), List.of())) {
            if (pattern.matcher(e.getUsername()).find() && !catalogued.contains(e.getUserClassQName())) {
                found.put(e.getUsername(), new Found(e.getParams().orElse(Map.of()), secondsPerCase(e)));
            }
        }
        return found;
    }
}
