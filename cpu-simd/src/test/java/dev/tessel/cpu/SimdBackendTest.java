package dev.tessel.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.spi.Backend;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The provider: discovery, identity, the narrowing switch, and life without the incubator module. */
class SimdBackendTest {
    /** Registered both ways: module descriptor (module path) and META-INF/services (class path, checked in a child JVM below). */
    @Test
    void registeredAsABackendProvider() throws Exception {
        var descriptor = SimdBackend.class.getModule().getDescriptor();
        if (descriptor != null) {
            assertTrue(descriptor.provides().stream().anyMatch(p -> p.service().equals(Backend.class.getName())
                    && p.providers().contains(SimdBackend.class.getName())), descriptor.toString());
        }
        try (var in = SimdBackend.class.getResourceAsStream("/META-INF/services/" + Backend.class.getName())) {
            assertNotNull(in, "META-INF/services entry missing");
            assertEquals(SimdBackend.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
        SimdBackend simd = new SimdBackend();
        assertEquals("simd", simd.name());
        assertEquals(10, simd.priority());
        assertNull(simd.unavailableReason());
    }

    @Test
    void widthFollowsTheTestSwitch() {
        Integer max = Integer.getInteger(Lanes.MAX_BITS_KEY);
        int bits = Lanes.F32.vectorBitSize();
        if (max != null) {
            assertTrue(bits <= max, bits + "-bit species under " + Lanes.MAX_BITS_KEY + "=" + max);
        }
        assertEquals(bits, Lanes.F64.vectorBitSize());
        assertEquals(bits / 32, Lanes.F32.length());
        assertTrue(new SimdBackend().describe().startsWith(bits + "-bit vectors"), new SimdBackend().describe());
    }

    @Test
    void answersNullForWhatItLacks() {
        SimdBackend simd = new SimdBackend();
        assertNull(simd.loop("add", new DType[] {DType.UINT8, DType.UINT8, DType.UINT8}));
        assertNull(simd.loop("add", new DType[] {DType.FLOAT32, DType.FLOAT64, DType.FLOAT64}));
        assertNull(simd.loop("no_such_ufunc", new DType[] {DType.FLOAT32, DType.FLOAT32}));
        assertNull(simd.matmul(DType.INT32));
        assertNotNull(simd.matmul(DType.FLOAT64));
    }

    /** A JVM without --add-modules jdk.incubator.vector: the provider loads, says what to add, gives no loops. */
    @Test
    void withoutTheIncubatorModuleItExplainsAndStepsAside() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String modulePath = System.getProperty("jdk.module.path", "");
        String classPath = modulePath.isEmpty() ? System.getProperty("java.class.path")
                : modulePath + File.pathSeparator + System.getProperty("java.class.path");
        Process p = new ProcessBuilder(java, "-cp", classPath,
                WithoutVectorModule.class.getName()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("reason=SIMD backend off: module jdk.incubator.vector is not readable; start the JVM"
                + " with --add-modules jdk.incubator.vector"), out);
        assertTrue(out.contains("loop=null matmul=null"), out);
    }

    /** Entry point of the child JVM above. */
    public static final class WithoutVectorModule {
        public static void main(String[] args) {
            Backend b = ServiceLoader.load(Backend.class).stream().map(ServiceLoader.Provider::get)
                    .filter(x -> x.name().equals("simd")).findFirst().orElseThrow();
            System.out.println("reason=" + b.unavailableReason());
            System.out.println("loop=" + b.loop("add", new DType[] {DType.FLOAT32, DType.FLOAT32, DType.FLOAT32})
                    + " matmul=" + b.matmul(DType.FLOAT32));
        }
    }
}
