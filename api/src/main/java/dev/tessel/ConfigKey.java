package dev.tessel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * One {@code tessel.*} configuration key: its system property, its environment variable (if
 * any), its syntax, its default and what it does. The constants below are the registry of
 * every key Tessel reads; a module that needs a new switch adds one line here, and
 * {@link Config} validates, reports and serves it with no other change.
 *
 * @param <T> the value's type
 */
public final class ConfigKey<T> {
    private static final List<ConfigKey<?>> REGISTRY = new ArrayList<>();

    // ---- The registry: one line per key. Order is the order of Tessel.info(). ----
    public static final ConfigKey<Config.BackendChoice> BACKEND = add("tessel.backend", "TESSEL_BACKEND",
            ConfigSyntax.choice(Config.BackendChoice.class), () -> Config.BackendChoice.AUTO,
            "which backend runs ops: auto = the best available for each op");
    public static final ConfigKey<Integer> CPU_THREADS = add("tessel.cpu.threads", "TESSEL_CPU_THREADS",
            ConfigSyntax.intRange(1, 1024), () -> Math.min(1024, Runtime.getRuntime().availableProcessors()),
            "the JVM-wide thread budget: most threads on one op, caller included; most live workers");
    public static final ConfigKey<DeviceSelection> GPU_DEVICES = add("tessel.gpu.devices", "TESSEL_GPU_DEVICES",
            DeviceSelection.syntax(), () -> DeviceSelection.ALL, "which GPU devices may be used");
    public static final ConfigKey<Config.GpuFallback> GPU_FALLBACK = add("tessel.gpu.fallback", "TESSEL_GPU_FALLBACK",
            ConfigSyntax.choice(Config.GpuFallback.class), () -> Config.GpuFallback.ERROR,
            "when the GPU is asked for but cannot run an op: fail, or run on the CPU with or without a warning");
    public static final ConfigKey<Long> GPU_MIN_ELEMENTS = add("tessel.gpu.minElements", null,
            ConfigSyntax.longRange(1, Long.MAX_VALUE), () -> 1L << 22,
            "backend=auto sends an op to the GPU from this size (a conservative guess, not measured)");
    public static final ConfigKey<OwnershipMode> OWNERSHIP = add("tessel.ownership", "TESSEL_OWNERSHIP",
            ConfigSyntax.choice(OwnershipMode.class), () -> OwnershipMode.FAIL,
            "on a lease conflict: fail fast with OwnershipException, or wait up to tessel.ownership.timeout");
    public static final ConfigKey<Duration> OWNERSHIP_TIMEOUT = add("tessel.ownership.timeout", "TESSEL_OWNERSHIP_TIMEOUT",
            ConfigSyntax.duration(), () -> Duration.ofSeconds(5), "how long tessel.ownership=wait waits");
    public static final ConfigKey<Boolean> DEBUG_OWNERSHIP = add("tessel.debug.ownership", "TESSEL_DEBUG_OWNERSHIP",
            ConfigSyntax.bool(), () -> Boolean.FALSE, "record each ledger's history and report open leases");
    public static final ConfigKey<Boolean> TRACE = add("tessel.trace", null,
            ConfigSyntax.bool(), () -> Boolean.FALSE, "log every placement decision");
    public static final ConfigKey<OptionalInt> SIMD_MAX_BITS = add("tessel.simd.maxBits", null,
            ConfigSyntax.vectorBits(128, 512), OptionalInt::empty,
            "cap on the SIMD vector width, for tests and tuning (unset: the hardware's preferred width)");
    public static final ConfigKey<Long> TILE_BYTES = add("tessel.parallel.tileBytes", null,
            ConfigSyntax.longRange(1024, 1L << 30), () -> 32L * 1024,
            "bytes of each operand in one tile (fits L1/L2 with a few operands)");
    public static final ConfigKey<Long> SPIN_MICROS = add("tessel.cpu.spinMicros", null,
            ConfigSyntax.longRange(0, 100_000), () -> 50L,
            "how long an idle worker, and a caller waiting for its last tile, spin before parking (0: park at once)");
    public static final ConfigKey<Long> MIN_ELEMENTS_COPY = add("tessel.parallel.minElements.copy", null,
            ConfigSyntax.longRange(1, Long.MAX_VALUE), () -> 1L << 16,
            "copies and casts below this size run on the calling thread (a copy is an add's bandwidth with one input fewer: at the add's measured crossover)");
    public static final ConfigKey<Long> MIN_ELEMENTS_ELEMENTWISE = add("tessel.parallel.minElements.elementwise", null,
            ConfigSyntax.longRange(1, Long.MAX_VALUE), () -> 1L << 15,
            "elementwise ops below this size run on the calling thread (measured crossover: add 16384-65536, exp 4096-16384)");
    public static final ConfigKey<Long> MIN_ELEMENTS_REDUCTION = add("tessel.parallel.minElements.reduction", null,
            ConfigSyntax.longRange(1, Long.MAX_VALUE), () -> 1L << 16,
            "reductions over fewer input elements run on the calling thread (measured crossover of sum: 32768-65536)");
    public static final ConfigKey<Long> MIN_ELEMENTS_MATMUL = add("tessel.parallel.minElements.matmul", null,
            ConfigSyntax.longRange(1, Long.MAX_VALUE), () -> 1L << 15,
            "matmuls with fewer multiply-adds run on the calling thread (32768 = 32x32x32; below 262144 a matmul is one tile anyway)");
    public static final ConfigKey<Long> COLLECT_EVERY = add("tessel.memory.collectEvery", null,
            ConfigSyntax.longRange(0, Long.MAX_VALUE), () -> OffHeapGarbage.DEFAULT_EVERY,
            "bytes of arrays (of 64 KiB and more) between two collections Tessel asks for, so that garbage arrays"
                    + " off the heap are freed and their memory reused (0: never ask; default 1 GiB or a quarter of the heap's maximum)");
    public static final ConfigKey<Long> STRESS_SECONDS = add("tessel.stress.seconds", null,
            ConfigSyntax.longRange(1, 86_400), () -> 6L, "test-only: how long the ownership stress test runs");
    // ---- End of the registry. ----

    private final String property;
    private final String env;
    private final ConfigSyntax<T> syntax;
    private final Supplier<T> defaultValue;
    private final String description;

    private ConfigKey(String property, String env, ConfigSyntax<T> syntax, Supplier<T> defaultValue,
            String description) {
        this.property = property;
        this.env = env;
        this.syntax = syntax;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    private static <T> ConfigKey<T> add(String property, String env, ConfigSyntax<T> syntax,
            Supplier<T> defaultValue, String description) {
        ConfigKey<T> key = new ConfigKey<>(property, env, syntax, defaultValue, description);
        REGISTRY.add(key);
        return key;
    }

    /** Every key, in registry order. */
    public static List<ConfigKey<?>> all() {
        return Collections.unmodifiableList(REGISTRY);
    }

    /** The key named {@code property}, or null. */
    public static ConfigKey<?> byProperty(String property) {
        for (ConfigKey<?> k : REGISTRY) {
            if (k.property.equals(property)) {
                return k;
            }
        }
        return null;
    }

    /** The system property, e.g. {@code tessel.cpu.threads}. */
    public String property() {
        return property;
    }

    /** The environment variable, e.g. {@code TESSEL_CPU_THREADS}, or null when it has none. */
    public String env() {
        return env;
    }

    public ConfigSyntax<T> syntax() {
        return syntax;
    }

    /** The default, computed now (some depend on the machine). */
    public T defaultValue() {
        return defaultValue.get();
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return property;
    }
}
