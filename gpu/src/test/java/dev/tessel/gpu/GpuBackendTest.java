package dev.tessel.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.spi.Backend;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class GpuBackendTest {
    @Test
    void registeredAsServiceAndAvailableUnderTheSdkFlags() {
        Backend gpu = ServiceLoader.load(Backend.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(b -> b.name().equals("gpu"))
                .findFirst().orElseThrow();
        assertEquals(20, gpu.priority());
        assertNull(gpu.unavailableReason(), "tests run with the SDK's argfile, so the runtime must start");
        assertFalse(DeviceRegistry.selected().isEmpty());
    }

    @Test
    void testsForbidSilentBailout() {
        // A kernel that bails out runs as plain Java; with this flag it fails instead.
        assertEquals("false", System.getProperty("tornado.recover.bailout", "").toLowerCase());
        assertTrue(DeviceRegistry.describe(0, DeviceRegistry.primary()).startsWith("gpu:0 "));
    }

    @Test
    void tesselListsTheGpuDevices() {
        var devices = dev.tessel.Tessel.devices();
        assertEquals(DeviceRegistry.selected().size(), devices.size());
        assertEquals("gpu:0", devices.getFirst().name());
        assertTrue(devices.getFirst() instanceof GpuDevice);
        assertTrue(devices.getFirst().toString().startsWith("gpu:0 "), devices.getFirst().toString());
    }
}
