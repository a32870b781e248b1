package dev.tessel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The effective configuration: one value for every {@link ConfigKey}, each with its
 * {@link Source}. System properties win over environment variables, which win over defaults.
 *
 * <p>{@link #current()} reads the JVM's system properties and environment once, on first
 * use. Every {@code tessel.*} system property must be a registered key and every value must
 * parse; otherwise {@link ConfigException} names each offending key, its value and source,
 * and the accepted values. Unknown {@code TESSEL_*} environment variables are ignored: an
 * environment is shared with other programs, system properties are not. Tests build their
 * own instances with {@link #of(Map, Map)} instead of changing global state.
 */
public final class Config {
    /** Where a value came from. */
    public enum Source {
        PROPERTY("system property"), ENV("environment variable"), DEFAULT("default");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** {@code tessel.backend}: which backend runs ops. */
    public enum BackendChoice { AUTO, CPU, GPU, SCALAR }

    /** {@code tessel.gpu.fallback}: what happens when the GPU is asked for but cannot run an op. */
    public enum GpuFallback { ERROR, WARN, ALLOW }

    /**
     * One effective value.
     *
     * @param key the key
     * @param value the parsed value
     * @param source where it came from
     */
    public record Value<T>(ConfigKey<T> key, T value, Source source) {
        /** {@code tessel.cpu.threads = 8 (default)}. */
        @Override
        public String toString() {
            return key.property() + " = " + key.syntax().format(value) + " (" + source + ")";
        }
    }

    private static volatile Config current;

    private final Map<ConfigKey<?>, Value<?>> values;

    private Config(Map<ConfigKey<?>, Value<?>> values) {
        this.values = values;
    }

    /** The JVM's configuration, read on first use; throws {@link ConfigException} when it is bad. */
    public static Config current() {
        Config c = current;
        if (c == null) {
            synchronized (Config.class) {
                c = current;
                if (c == null) {
                    c = of(ConfigSources.systemProperties(), System.getenv());
                    current = c;
                }
            }
        }
        return c;
    }

    /** A configuration from explicit system properties and environment variables. */
    public static Config of(Map<String, String> properties, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(properties.keySet())) {
            if (name.startsWith("tessel.") && ConfigKey.byProperty(name) == null) {
                problems.add(ConfigSources.unknownKey(name));
            }
        }
        Map<ConfigKey<?>, Value<?>> values = new IdentityHashMap<>();
        for (ConfigKey<?> key : ConfigKey.all()) {
            Value<?> v = resolve(key, properties, env, problems);
            if (v != null) {
                values.put(key, v);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n", problems));
        }
        return new Config(values);
    }

    /** A configuration with only defaults. */
    public static Config defaults() {
        return of(Map.of(), Map.of());
    }

    private static <T> Value<T> resolve(ConfigKey<T> key, Map<String, String> props, Map<String, String> env,
            List<String> problems) {
        String raw = props.get(key.property());
        Source source = Source.PROPERTY;
        if (raw == null && key.env() != null) {
            raw = env.get(key.env());
            source = Source.ENV;
        }
        if (raw == null) {
            return new Value<>(key, key.defaultValue(), Source.DEFAULT);
        }
        try {
            return new Value<>(key, key.syntax().parse(raw), source);
        } catch (RuntimeException e) {
            problems.add(ConfigSources.badValue(key, raw, source));
            return null;
        }
    }

    /** The value of {@code key}. */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        return ((Value<T>) values.get(key)).value();
    }

    /** The value of {@code key} with its source. */
    @SuppressWarnings("unchecked")
    public <T> Value<T> value(ConfigKey<T> key) {
        return (Value<T>) values.get(key);
    }

    /** Every effective value, in registry order. */
    public List<Value<?>> values() {
        List<Value<?>> out = new ArrayList<>();
        for (ConfigKey<?> k : ConfigKey.all()) {
            out.add(values.get(k));
        }
        return out;
    }

    // ---- Typed getters for the common keys. ----

    public BackendChoice backend() {
        return get(ConfigKey.BACKEND);
    }

    public int cpuThreads() {
        return get(ConfigKey.CPU_THREADS);
    }

    public DeviceSelection gpuDevices() {
        return get(ConfigKey.GPU_DEVICES);
    }

    public GpuFallback gpuFallback() {
        return get(ConfigKey.GPU_FALLBACK);
    }

    /** {@code tessel.ownership}: what a conflicting lease does. */
    public OwnershipMode ownershipMode() {
        return get(ConfigKey.OWNERSHIP);
    }

    public Duration ownershipTimeout() {
        return get(ConfigKey.OWNERSHIP_TIMEOUT);
    }

    public boolean debugOwnership() {
        return get(ConfigKey.DEBUG_OWNERSHIP);
    }

    public boolean trace() {
        return get(ConfigKey.TRACE);
    }

    /** The SIMD width cap in bits, or empty for the hardware's preferred width. */
    public OptionalInt simdMaxBits() {
        return get(ConfigKey.SIMD_MAX_BITS);
    }

    /** One line per key: {@code tessel.cpu.threads = 8 (default)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Value<?> v : values()) {
            sb.append(v).append('\n');
        }
        return sb.toString();
    }
}
