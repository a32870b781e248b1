package dev.tessel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * How the text of one configuration value is read: what is accepted (for error messages and
 * {@link Tessel#info()}) and how it becomes a typed value.
 *
 * @param <T> the value's type
 */
public interface ConfigSyntax<T> {
    /** Reads {@code raw}; throws {@link IllegalArgumentException} when it is not accepted. */
    T parse(String raw);

    /** What is accepted, as a phrase: {@code "one of auto, cpu, gpu, scalar"}. */
    String accepted();

    /** The value as it would be written in configuration. */
    default String format(T value) {
        return String.valueOf(value);
    }

    /** Lower-case names of {@code type}'s constants. */
    static <E extends Enum<E>> ConfigSyntax<E> choice(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        String accepted = "one of " + String.join(", ", names);
        return new ConfigSyntax<>() {
            @Override
            public E parse(String raw) {
                String t = raw.trim().toLowerCase(Locale.ROOT);
                for (E e : type.getEnumConstants()) {
                    if (e.name().toLowerCase(Locale.ROOT).equals(t)) {
                        return e;
                    }
                }
                throw new IllegalArgumentException(accepted);
            }

            @Override
            public String accepted() {
                return accepted;
            }

            @Override
            public String format(E value) {
                return value.name().toLowerCase(Locale.ROOT);
            }
        };
    }

    /** An integer in {@code [min, max]}. */
    static ConfigSyntax<Integer> intRange(int min, int max) {
        return simple("an integer from " + min + " to " + max, raw -> {
            long v = Long.parseLong(raw.trim());
            if (v < min || v > max) {
                throw new IllegalArgumentException("out of range");
            }
            return (int) v;
        });
    }

    /** A long in {@code [min, max]}. */
    static ConfigSyntax<Long> longRange(long min, long max) {
        return simple("an integer from " + min + " to " + max, raw -> {
            long v = Long.parseLong(raw.trim());
            if (v < min || v > max) {
                throw new IllegalArgumentException("out of range");
            }
            return v;
        });
    }

    /** {@code true} or {@code false}, in any case; nothing else (not {@code 1}, not {@code yes}). */
    static ConfigSyntax<Boolean> bool() {
        return simple("true or false", raw -> switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        });
    }

    /** A duration: {@code 200ms}, {@code 5s}, {@code 1m}; a bare number is milliseconds; zero is allowed. */
    static ConfigSyntax<Duration> duration() {
        return new DurationSyntax();
    }

    /**
     * A vector width in bits, a power of two in {@code [min, max]}; the default (empty) is
     * shown as {@code hardware}, but is not accepted as a value, because the SIMD backend reads
     * the property as a number.
     */
    static ConfigSyntax<OptionalInt> vectorBits(int min, int max) {
        String accepted = "a power of two from " + min + " to " + max;
        return new ConfigSyntax<>() {
            @Override
            public OptionalInt parse(String raw) {
                int v = Integer.parseInt(raw.trim());
                if (v < min || v > max || Integer.bitCount(v) != 1) {
                    throw new IllegalArgumentException(accepted);
                }
                return OptionalInt.of(v);
            }

            @Override
            public String accepted() {
                return accepted;
            }

            @Override
            public String format(OptionalInt value) {
                return value.isPresent() ? Integer.toString(value.getAsInt()) : "hardware";
            }
        };
    }

    /** A syntax from a phrase and a parsing function. */
    static <T> ConfigSyntax<T> simple(String accepted, java.util.function.Function<String, T> parser) {
        return new ConfigSyntax<>() {
            @Override
            public T parse(String raw) {
                return parser.apply(raw);
            }

            @Override
            public String accepted() {
                return accepted;
            }
        };
    }
}
