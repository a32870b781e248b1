package dev.tessel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Benchmarks outside the op catalogue, as JMH scored them: name, parameters, score, unit, threads. */
final class OtherTable {
    private OtherTable() {}

    static String toMarkdown(List<OtherResult> results) {
        StringBuilder s = new StringBuilder("| benchmark | params | score | error | unit | threads |\n");
        s.append("|---|---|---:|---:|---|---:|\n");
        for (List<String> row : rows(results)) {
            s.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return s.toString();
    }

    static String toText(List<OtherResult> results) {
        StringBuilder s = new StringBuilder();
        for (List<String> row : rows(results)) {
            s.append(String.format(Locale.ROOT, "%-40s %-30s %10s ± %-8s %s, %s thr%n",
                    row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5)));
        }
        return s.toString();
    }

    private static List<List<String>> rows(List<OtherResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (OtherResult r : results) {
            String name = OpCatalog.shortName(r.benchmark());
            String params = r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
            rows.add(List.of(name, params, ResultTable.number(r.score()), ResultTable.number(r.error()), r.unit(),
                    r.threads() > 0 ? Integer.toString(r.threads()) : "auto"));
        }
        return rows;
    }
}
