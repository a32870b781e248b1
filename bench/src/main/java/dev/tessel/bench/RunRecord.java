package dev.tessel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code run.json}: what a results folder needs beyond JMH's and NumPy's JSON to write its
 * report again ({@code --report DIR}): the report's context and the measured limits.
 */
final class RunRecord {
    static final String FILE = "run.json";

    private RunRecord() {}

    static void write(Path dir, ReportWriter.Context c, MachineLimits limits) throws IOException {
        String json = "{\n"
                + "  \"title\": " + quote(c.title()) + ",\n"
                + "  \"command\": " + quote(c.command()) + ",\n"
                + "  \"machine\": " + list(c.machine()) + ",\n"
                + "  \"numpy\": " + quote(c.numpy()) + ",\n"
                + "  \"notes\": " + list(c.notes()) + ",\n"
                + "  \"copyGBs\": " + map(limits.copyGBs()) + ",\n"
                + "  \"triadGBs\": " + map(limits.triadGBs()) + ",\n"
                + "  \"fmaF32\": " + number(limits.fmaF32()) + ",\n"
                + "  \"fmaF64\": " + number(limits.fmaF64()) + ",\n"
                + "  \"limitsNote\": " + quote(limits.note()) + "\n}\n";
        Files.writeString(dir.resolve(FILE), json);
    }

    static ReportWriter.Context context(Map<?, ?> root) {
        return new ReportWriter.Context((String) root.get("title"), (String) root.get("command"),
                strings(root.get("machine")), (String) root.get("numpy"), strings(root.get("notes")));
    }

    static MachineLimits limits(Map<?, ?> root) {
        return new MachineLimits(threadMap(root.get("copyGBs")), threadMap(root.get("triadGBs")),
                (Double) root.get("fmaF32"), (Double) root.get("fmaF64"), (String) root.get("limitsNote"));
    }

    static Map<?, ?> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " not found: --report needs a folder written by ./tessel bench");
        }
        return (Map<?, ?>) JsonParser.parse(Files.readString(file));
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private static SortedMap<Integer, Double> threadMap(Object json) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        ((Map<?, ?>) json).forEach((k, v) -> out.put(Integer.parseInt((String) k), (Double) v));
        return out;
    }

    private static String map(Map<Integer, Double> m) {
        return m.entrySet().stream().map(e -> quote(e.getKey().toString()) + ": " + number(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String list(List<String> values) {
        return values.stream().map(RunRecord::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    /** JSON has no NaN; the parser accepts it (as JMH writes it), so it round-trips. */
    private static String number(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%s", v);
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
