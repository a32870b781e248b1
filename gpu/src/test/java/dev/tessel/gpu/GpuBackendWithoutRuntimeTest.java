package dev.tessel.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tessel.DType;
import dev.tessel.Tessel;
import dev.tessel.spi.Backend;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM without TornadoVM (its own surefire execution: no argfile, no TornadoVM jars):
 * the backend still loads through {@link ServiceLoader}, says what to install, and offers
 * nothing.
 */
class GpuBackendWithoutRuntimeTest {
    @Test
    void loadsAndExplainsWhatIsMissing() {
        assumeTrue(System.getProperty(RuntimeProbe.RUNTIME_PROPERTY) == null,
                "runs in the build's execution without TornadoVM, not in the device tests' JVM");
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("uk.ac.manchester.tornado.api.TaskGraph"), "this JVM must lack TornadoVM");
        Backend gpu = ServiceLoader.load(Backend.class).stream().map(ServiceLoader.Provider::get)
                .filter(b -> b.name().equals("gpu")).findFirst().orElseThrow();
        String why = gpu.unavailableReason();
        assertTrue(why != null && why.contains("TORNADOVM_HOME") && why.contains("tornado-argfile"), why);
        DType f = DType.FLOAT32;
        assertNull(gpu.loop("add", new DType[] {f, f, f}));
        assertNull(gpu.reduceLoop("add", f));
        assertNull(gpu.argLoop("argmax", f));
        assertNull(gpu.matmul(f));
        assertEquals("gpu: unavailable", gpu.describe());
        assertTrue(gpu.devices().isEmpty());
        assertTrue(Tessel.devices().isEmpty());
    }
}
