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
import org.openjdk.jmh.runner.options.VerboseMode;

/** Finds compiled JMH benchmarks outside the op catalogue, from the list JMH's annotation processor writes. */
final class BenchmarkDiscovery {
    private BenchmarkDiscovery() {}

    /**
     * Benchmark methods whose names match {@code regex} (found anywhere in the name, as JMH's
     * include does), excluding the catalogue's classes, with their declared parameter values.
     */
    static Map<String, Map<String, String[]>> matching(String regex) {
        Pattern pattern = Pattern.compile(regex);
        Set<String> catalogued = Set.copyOf(OpCatalog.all().stream().map(OpSpec::benchmark).toList());
        Map<String, Map<String, String[]>> found = new TreeMap<>();
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        for (BenchmarkListEntry e : BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT), List.of())) {
            if (pattern.matcher(e.getUsername()).find() && !catalogued.contains(e.getUserClassQName())) {
                found.put(e.getUsername(), e.getParams().orElse(Map.of()));
            }
        }
        return found;
    }
}
