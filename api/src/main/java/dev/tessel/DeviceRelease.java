package dev.tessel;

import dev.tessel.spi.Device;
import dev.tessel.spi.DeviceMemory;
import java.lang.ref.Cleaner;

/**
 * Frees one loan's device memory exactly once: when the loan ends, or, if no one ever brings the
 * storage home, when the storage becomes unreachable. Without the second case every result a
 * chain of resident ops leaves behind (the intermediates of {@code exp((a + b) * 2)}) would hold
 * device memory for the device's lifetime. The action refers to the device and its memory only,
 * never to the storage, so it does not keep the storage alive. A device's {@code free} may thus
 * run on the cleaner's thread while work that uses the memory is still queued: devices must let
 * queued work finish with it (see {@code SimulatedDevice.free}).
 */
final class DeviceRelease implements Runnable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Device device;
    private DeviceMemory memory;

    private DeviceRelease(Device device, DeviceMemory memory) {
        this.device = device;
        this.memory = memory;
    }

    static DeviceRelease watch(Storage storage, Device device, DeviceMemory memory) {
        DeviceRelease r = new DeviceRelease(device, memory);
        CLEANER.register(storage, r);
        return r;
    }

    @Override
    public void run() {
        DeviceMemory m;
        synchronized (this) {
            m = memory;
            memory = null;
        }
        if (m != null) {
            device.free(m);
        }
    }
}
