package dev.tessel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private static final String DURATION =
            "a duration such as 200ms, 5s or 1m (units ns, us, ms, s, m, h; a bare number is milliseconds)";

    private static Config props(String... kv) {
        return Config.of(pairs(kv), Map.of());
    }

    private static Map<String, String> pairs(String... kv) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void defaultsComeFromTheRegistry() {
        Config c = Config.defaults();
        assertEquals(Config.BackendChoice.AUTO, c.backend());
        assertEquals(Math.min(1024, Runtime.getRuntime().availableProcessors()), c.cpuThreads());
        assertEquals(DeviceSelection.ALL, c.gpuDevices());
        assertEquals(Config.GpuFallback.ERROR, c.gpuFallback());
        assertEquals(OwnershipMode.FAIL, c.ownershipMode());
        assertEquals(Duration.ofSeconds(5), c.ownershipTimeout());
        assertEquals(false, c.trace());
        assertEquals(false, c.debugOwnership());
        assertEquals(OptionalInt.empty(), c.simdMaxBits());
        assertEquals("tessel.simd.maxBits = hardware (default)", c.value(ConfigKey.SIMD_MAX_BITS).toString());
        assertEquals(32768L, c.get(ConfigKey.MIN_ELEMENTS_ELEMENTWISE));
        for (Config.Value<?> v : c.values()) {
            assertEquals(Config.Source.DEFAULT, v.source(), v.toString());
        }
        assertEquals(ConfigKey.all().size(), c.values().size());
    }

    @Test
    void propertyWinsOverEnvironmentWhichWinsOverDefault() {
        Config c = Config.of(pairs("tessel.cpu.threads", "3", "tessel.ownership", "wait"),
                pairs("TESSEL_CPU_THREADS", "5", "TESSEL_BACKEND", "scalar"));
        assertEquals(3, c.cpuThreads());
        assertEquals(Config.Source.PROPERTY, c.value(ConfigKey.CPU_THREADS).source());
        assertEquals(Config.BackendChoice.SCALAR, c.backend());
        assertEquals(Config.Source.ENV, c.value(ConfigKey.BACKEND).source());
        assertEquals(OwnershipMode.WAIT, c.ownershipMode());
        assertEquals(Config.Source.PROPERTY, c.value(ConfigKey.OWNERSHIP).source());
        assertEquals(Config.Source.DEFAULT, c.value(ConfigKey.GPU_FALLBACK).source());
        assertEquals("tessel.cpu.threads = 3 (system property)", c.value(ConfigKey.CPU_THREADS).toString());
        assertEquals("tessel.backend = scalar (environment variable)", c.value(ConfigKey.BACKEND).toString());
    }

    @Test
    void environmentIsReadOnlyForKeysThatHaveAVariable() {
        // tessel.trace has no variable: TESSEL_TRACE is somebody else's.
        Config c = Config.of(Map.of(), pairs("TESSEL_TRACE", "true", "TESSEL_GPU_DEVICES", "0,2",
                "TESSEL_OWNERSHIP_TIMEOUT", "2s", "TESSEL_DEBUG_OWNERSHIP", "true"));
        assertEquals(false, c.trace());
        assertEquals(Duration.ofSeconds(2), c.ownershipTimeout());
        assertEquals(true, c.debugOwnership());
        assertEquals(List.of(0, 2), c.gpuDevices().indices());
        assertEquals(List.of(0), c.gpuDevices().select(2));
    }

    @Test
    void valuesParseAsDocumented() {
        Config c = props("tessel.backend", "GPU", "tessel.ownership.timeout", "200ms", "tessel.trace", "TRUE",
                "tessel.simd.maxBits", "128", "tessel.gpu.devices", "2", "tessel.gpu.fallback", "allow",
                "tessel.debug.ownership", "false", "tessel.parallel.minElements.matmul", "1000");
        assertEquals(Config.BackendChoice.GPU, c.backend());
        assertEquals(Duration.ofMillis(200), c.ownershipTimeout());
        assertEquals(true, c.trace());
        assertEquals(OptionalInt.of(128), c.simdMaxBits());
        assertEquals(List.of(0, 1), c.gpuDevices().select(4));
        assertEquals(Config.GpuFallback.ALLOW, c.gpuFallback());
        assertEquals(1000L, c.get(ConfigKey.MIN_ELEMENTS_MATMUL));
        assertEquals(List.of(1), props("tessel.gpu.devices", "1,").gpuDevices().select(3));
        assertEquals(Duration.ofMinutes(1), props("tessel.ownership.timeout", "1m").ownershipTimeout());
        assertEquals(Duration.ofSeconds(3), props("tessel.ownership.timeout", "PT3S").ownershipTimeout());
        assertEquals(Duration.ofMillis(250), props("tessel.ownership.timeout", "250").ownershipTimeout());
        assertEquals(Duration.ZERO, props("tessel.ownership.timeout", "0").ownershipTimeout());
        assertEquals("tessel.ownership.timeout = 0ms (system property)",
                props("tessel.ownership.timeout", "0s").value(ConfigKey.OWNERSHIP_TIMEOUT).toString());
        assertEquals("tessel.ownership.timeout = 200ms (system property)",
                c.value(ConfigKey.OWNERSHIP_TIMEOUT).toString());
        assertEquals("tessel.gpu.devices = 1, (system property)",
                props("tessel.gpu.devices", "1,").value(ConfigKey.GPU_DEVICES).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tessel.backend|fast|one of auto, cpu, gpu, scalar",
        "tessel.cpu.threads|zero|an integer from 1 to 1024",
        "tessel.cpu.threads|0|an integer from 1 to 1024",
        "tessel.cpu.threads|1025|an integer from 1 to 1024",
        "tessel.gpu.devices|0,0|all, a device count (e.g. 2), or a list of device indices (e.g. 0,2 or 1,)",
        "tessel.gpu.devices|-1|all, a device count (e.g. 2), or a list of device indices (e.g. 0,2 or 1,)",
        "tessel.gpu.fallback|maybe|one of error, warn, allow",
        "tessel.gpu.minElements|0|an integer from 1 to 9223372036854775807",
        "tessel.ownership|block|one of fail, wait",
        "tessel.ownership.timeout|5 days|" + DURATION,
        "tessel.ownership.timeout|-1s|" + DURATION,
        "tessel.debug.ownership|yes|true or false",
        "tessel.trace|1|true or false",
        "tessel.simd.maxBits|96|a power of two from 128 to 512",
        "tessel.simd.maxBits|64|a power of two from 128 to 512",
        "tessel.simd.maxBits|hardware|a power of two from 128 to 512",
        "tessel.simd.maxBits|1024|a power of two from 128 to 512",
        "tessel.parallel.tileBytes|100|an integer from 1024 to 1073741824",
        "tessel.memory.collectEvery|-1|an integer from 0 to 9223372036854775807",
        "tessel.memory.collectEvery|1G|an integer from 0 to 9223372036854775807",
        "tessel.parallel.minElements.copy|-5|an integer from 1 to 9223372036854775807",
        "tessel.parallel.minElements.elementwise|32K|an integer from 1 to 9223372036854775807",
        "tessel.parallel.minElements.reduction|x|an integer from 1 to 9223372036854775807",
        "tessel.parallel.minElements.matmul||an integer from 1 to 9223372036854775807",
    })
    void aBadPropertyNamesTheKeyTheValueAndTheAcceptedValues(String key, String raw, String accepted) {
        String value = raw == null ? "" : raw;
        ConfigException e = assertThrows(ConfigException.class, () -> props(key, value));
        assertEquals("Invalid configuration: " + key + " = \"" + value + "\" (from system property -D" + key
                + "); accepted values: " + accepted, e.getMessage());
    }

    @Test
    void aBadEnvironmentVariableNamesTheVariable() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Config.of(Map.of(), pairs("TESSEL_OWNERSHIP", "later")));
        assertEquals("Invalid configuration: tessel.ownership = \"later\" (from environment variable "
                + "TESSEL_OWNERSHIP); accepted values: one of fail, wait", e.getMessage());
    }

    @Test
    void anUnknownTesselPropertyIsRefusedWithASuggestion() {
        ConfigException e = assertThrows(ConfigException.class, () -> props("tessel.cpu.thread", "2"));
        assertTrue(e.getMessage().startsWith("Unknown configuration key: system property -Dtessel.cpu.thread; "
                + "did you mean tessel.cpu.threads? Known keys: tessel.backend, tessel.cpu.threads, "), e.getMessage());
        assertTrue(e.getMessage().endsWith(", tessel.parallel.minElements.matmul, tessel.memory.collectEvery, tessel.stress.seconds"),
                e.getMessage());
        ConfigException far = assertThrows(ConfigException.class, () -> props("tessel.colour", "red"));
        assertTrue(far.getMessage().startsWith("Unknown configuration key: system property -Dtessel.colour "
                + "Known keys: tessel.backend, "), far.getMessage());
    }

    @Test
    void otherPropertiesAndUnknownVariablesAreIgnored() {
        Config c = Config.of(pairs("java.version", "25", "tesselation", "x"), pairs("TESSEL_HOME", "/opt"));
        assertEquals(Config.BackendChoice.AUTO, c.backend());
    }

    @Test
    void everyProblemIsReportedOnItsOwnLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> props("tessel.trace", "on", "tessel.backend", "tpu"));
        assertEquals(List.of(
                "Invalid configuration: tessel.backend = \"tpu\" (from system property -Dtessel.backend); "
                        + "accepted values: one of auto, cpu, gpu, scalar",
                "Invalid configuration: tessel.trace = \"on\" (from system property -Dtessel.trace); "
                        + "accepted values: true or false"),
                List.of(e.getMessage().split("\n")));
    }

    @Test
    void everyKeyIsDocumentedAndNamedUnderTessel() {
        for (ConfigKey<?> k : ConfigKey.all()) {
            assertTrue(k.property().startsWith("tessel."), k.property());
            assertTrue(!k.description().isBlank(), k.property());
            assertEquals(k, ConfigKey.byProperty(k.property()));
        }
    }
}
