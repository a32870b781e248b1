package dev.tessel.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The GPU backend's configuration keys, read directly from system properties, then environment
 * variables. This is a stop-gap until the shared registry {@code dev.tessel.Config} lands on
 * main; then these two methods delegate to it and nothing else changes.
 */
final class GpuSettings {
    static final String FALLBACK = "tessel.gpu.fallback";
    static final String DEVICES = "tessel.gpu.devices";

    private GpuSettings() {
    }

    /** What to do when a kernel fails: {@code error} (default), {@code warn}, {@code allow}. */
    static Fallback fallback() {
        String v = read(FALLBACK, "TESSEL_GPU_FALLBACK");
        if (v == null || v.isBlank()) {
            return Fallback.ERROR;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> Fallback.ERROR;
            case "warn" -> Fallback.WARN;
            case "allow" -> Fallback.ALLOW;
            default -> throw new IllegalArgumentException(
                    FALLBACK + "=" + v + " is not one of error, warn, allow");
        };
    }

    /** Which devices to use: all (unset), the first N, or listed indices. */
    static DeviceSelection deviceSelection() {
        return DeviceSelection.parse(read(DEVICES, "TESSEL_GPU_DEVICES"));
    }

    private static String read(String property, String env) {
        String v = System.getProperty(property);
        return v != null ? v : System.getenv(env);
    }

    /** The {@code tessel.gpu.fallback} policy. */
    enum Fallback {
        /** Raise {@link GpuExecutionException}; nothing is written. */
        ERROR,
        /** Log one line per kernel, then run the scalar reference loop. */
        WARN,
        /** Run the scalar reference loop without a log line. */
        ALLOW
    }

    /** A parsed {@code tessel.gpu.devices} value. */
    record DeviceSelection(int count, List<Integer> indices) {
        static DeviceSelection parse(String v) {
            if (v == null || v.isBlank() || v.trim().equalsIgnoreCase("all")) {
                return new DeviceSelection(-1, List.of());
            }
            try {
                String t = v.trim();
                if (!t.contains(",")) {
                    int n = Integer.parseInt(t);
                    if (n < 1) {
                        throw new IllegalArgumentException(DEVICES + "=" + v + ": the count must be at least 1");
                    }
                    return new DeviceSelection(n, List.of());
                }
                List<Integer> idx = new ArrayList<>();
                for (String p : t.split(",")) {
                    idx.add(Integer.parseInt(p.trim()));
                }
                return new DeviceSelection(-1, List.copyOf(idx));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        DEVICES + "=" + v + " is neither a device count (2) nor a list of indices (0,2)", e);
            }
        }

        <T> List<T> pick(List<T> devices) {
            if (!indices.isEmpty()) {
                List<T> out = new ArrayList<>();
                for (int i : indices) {
                    if (i < 0 || i >= devices.size()) {
                        throw new IllegalArgumentException(DEVICES + " names device " + i + " but "
                                + devices.size() + " device(s) exist");
                    }
                    out.add(devices.get(i));
                }
                return out;
            }
            return count < 0 ? devices : devices.subList(0, Math.min(count, devices.size()));
        }
    }
}
