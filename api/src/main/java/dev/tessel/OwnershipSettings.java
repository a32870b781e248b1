package dev.tessel;

import java.time.Duration;
import java.util.Locale;

/**
 * The ownership configuration: {@code tessel.ownership} ({@code fail}|{@code wait}),
 * {@code tessel.ownership.timeout} (milliseconds, or a number with {@code ms}/{@code s}) and
 * {@code tessel.debug.ownership} ({@code true}|{@code false}). A system property wins over the
 * environment variable ({@code TESSEL_OWNERSHIP}, {@code TESSEL_OWNERSHIP_TIMEOUT},
 * {@code TESSEL_DEBUG_OWNERSHIP}); a bad value fails when this class loads, naming the key.
 *
 * <p>Read here until the shared configuration registry lands; then {@link #fromEnvironment}
 * becomes a read of that registry.
 */
record OwnershipSettings(OwnershipMode mode, Duration timeout, boolean debug) {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static volatile OwnershipSettings current = fromEnvironment();

    static OwnershipSettings current() {
        return current;
    }

    static void set(OwnershipSettings s) {
        current = s;
    }

    static OwnershipSettings fromEnvironment() {
        return new OwnershipSettings(parseMode(read("tessel.ownership", "TESSEL_OWNERSHIP")),
                parseTimeout(read("tessel.ownership.timeout", "TESSEL_OWNERSHIP_TIMEOUT")),
                parseDebug(read("tessel.debug.ownership", "TESSEL_DEBUG_OWNERSHIP")));
    }

    private static String read(String key, String env) {
        String v = System.getProperty(key);
        return v != null ? v : System.getenv(env);
    }

    static OwnershipMode parseMode(String v) {
        if (v == null || v.isBlank()) {
            return OwnershipMode.FAIL;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "fail" -> OwnershipMode.FAIL;
            case "wait" -> OwnershipMode.WAIT;
            default -> throw new IllegalArgumentException("tessel.ownership must be 'fail' or 'wait' (got '" + v + "')");
        };
    }

    static Duration parseTimeout(String v) {
        if (v == null || v.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return nonNegative(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim())), v);
            }
            if (t.endsWith("s")) {
                return nonNegative(Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim())), v);
            }
            return nonNegative(Duration.ofMillis(Long.parseLong(t)), v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tessel.ownership.timeout must be milliseconds or a number with 'ms' or 's' (got '"
                    + v + "')");
        }
    }

    private static Duration nonNegative(Duration d, String v) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("tessel.ownership.timeout must not be negative (got '" + v + "')");
        }
        return d;
    }

    static boolean parseDebug(String v) {
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("tessel.debug.ownership must be 'true' or 'false' (got '" + v + "')");
        };
    }
}
