package dev.tessel;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which GPU devices Tessel may use ({@code tessel.gpu.devices}): all of them, the first
 * {@code count}, or exactly the listed indices.
 *
 * <p>Syntax: {@code all}; a single integer is a count ({@code 0} = no GPU); a comma list is a
 * set of indices ({@code 0,2}). One specific device is written with a trailing comma
 * ({@code 1,}), because a lone integer already means a count, as in DESIGN.md's table.
 *
 * @param count how many of the first devices, or -1 when {@code indices} decides or for all
 * @param indices the chosen device indices, or empty
 */
public record DeviceSelection(int count, List<Integer> indices) {
    /** Every device. */
    public static final DeviceSelection ALL = new DeviceSelection(-1, List.of());

    public DeviceSelection {
        indices = List.copyOf(indices);
    }

    /** True when this selects every device. */
    public boolean all() {
        return count < 0 && indices.isEmpty();
    }

    /** The chosen indices among {@code available} devices {@code 0..available-1}, in order. */
    public List<Integer> select(int available) {
        if (all()) {
            return IntStream.range(0, available).boxed().toList();
        }
        if (count >= 0) {
            return IntStream.range(0, Math.min(count, available)).boxed().toList();
        }
        return indices.stream().filter(i -> i < available).toList();
    }

    @Override
    public String toString() {
        if (all()) {
            return "all";
        }
        if (count >= 0) {
            return Integer.toString(count);
        }
        List<String> parts = new ArrayList<>();
        indices.forEach(i -> parts.add(i.toString()));
        return indices.size() == 1 ? parts.get(0) + "," : String.join(",", parts);
    }

    /** The syntax of {@code tessel.gpu.devices}. */
    static ConfigSyntax<DeviceSelection> syntax() {
        return ConfigSyntax.simple("all, a device count (e.g. 2), or a list of device indices (e.g. 0,2 or 1,)",
                DeviceSelection::parse);
    }

    static DeviceSelection parse(String raw) {
        String t = raw.trim();
        if (t.equalsIgnoreCase("all")) {
            return ALL;
        }
        if (!t.contains(",")) {
            int n = Integer.parseInt(t);
            if (n < 0 || n > 1024) {
                throw new IllegalArgumentException("count out of range");
            }
            return new DeviceSelection(n, List.of());
        }
        List<Integer> list = new ArrayList<>();
        for (String part : t.split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty() && list.size() == 1 && t.endsWith(",") && t.indexOf(',') == t.length() - 1) {
                continue; // the trailing comma of "1,"
            }
            int i = Integer.parseInt(p);
            if (i < 0 || i > 1023 || list.contains(i)) {
                throw new IllegalArgumentException("bad index " + p);
            }
            list.add(i);
        }
        return new DeviceSelection(-1, list);
    }
}
