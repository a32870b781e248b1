package dev.tessel;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in flags: {@code 200ms}, {@code 5s}, {@code 2m}, a bare
 * number of milliseconds ({@code 250}), or ISO-8601 ({@code PT5S}). Zero is allowed (a wait
 * that gives up at once); negative durations are not.
 */
final class DurationSyntax implements ConfigSyntax<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(ns|us|ms|s|m|h)?");

    @Override
    public Duration parse(String raw) {
        String t = raw.trim();
        Duration d;
        Matcher m = FORM.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            d = switch (unit) {
                case "ns" -> Duration.ofNanos(n);
                case "us" -> Duration.ofNanos(n * 1000);
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        } else {
            d = Duration.parse(t); // DateTimeParseException: Config reports any RuntimeException as a bad value
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative");
        }
        return d;
    }

    @Override
    public String accepted() {
        return "a duration such as 200ms, 5s or 1m (units ns, us, ms, s, m, h; a bare number is milliseconds)";
    }

    @Override
    public String format(Duration value) {
        long ns = value.toNanos();
        if (ns == 0) {
            return "0ms";
        }
        if (ns % 1_000_000_000L == 0) {
            return (ns / 1_000_000_000L) + "s";
        }
        return ns % 1_000_000 == 0 ? (ns / 1_000_000) + "ms" : ns + "ns";
    }
}
