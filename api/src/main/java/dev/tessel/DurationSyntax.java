package dev.tessel;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in flags: {@code 200ms}, {@code 5s}, {@code 2m}; also ISO-8601 {@code PT5S}. */
final class DurationSyntax implements ConfigSyntax<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(ns|us|ms|s|m|h)");

    @Override
    public Duration parse(String raw) {
        String t = raw.trim();
        Duration d;
        Matcher m = FORM.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
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
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("not positive");
        }
        return d;
    }

    @Override
    public String accepted() {
        return "a positive duration such as 200ms, 5s or 1m (units ns, us, ms, s, m, h)";
    }

    @Override
    public String format(Duration value) {
        long ns = value.toNanos();
        if (ns % 1_000_000_000L == 0) {
            return (ns / 1_000_000_000L) + "s";
        }
        return ns % 1_000_000 == 0 ? (ns / 1_000_000) + "ms" : ns + "ns";
    }
}
