package dev.tessel.gpu;

import java.util.ArrayList;
import java.util.List;
import uk.ac.manchester.tornado.api.TornadoBackend;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.common.TornadoDevice;

/**
 * The TornadoVM devices this process uses: every device of every backend, narrowed by
 * {@code tessel.gpu.devices} (a count such as {@code 2}, or indices such as {@code 0,2}).
 * Tessel's device {@code gpu:i} is the i-th selected device.
 */
final class DeviceRegistry {
    private static volatile List<TornadoDevice> selected;

    private DeviceRegistry() {
    }

    /** All devices TornadoVM sees, in backend then device order. */
    static List<TornadoDevice> all() {
        List<TornadoDevice> out = new ArrayList<>();
        for (TornadoBackend b : TornadoExecutionPlan.getTornadoDeviceMap().getAllBackends()) {
            for (int d = 0; d < b.getNumDevices(); d++) {
                out.add(b.getDevice(d));
            }
        }
        return out;
    }

    /** The devices selected by {@code tessel.gpu.devices}; the first is the default. */
    static List<TornadoDevice> selected() {
        List<TornadoDevice> s = selected;
        if (s == null) {
            synchronized (DeviceRegistry.class) {
                s = selected;
                if (s == null) {
                    List<TornadoDevice> all = all();
                    s = GpuSettings.devices().select(all.size()).stream().map(all::get).toList();
                    selected = s;
                }
            }
        }
        return s;
    }

    /** The default device: the first selected one. */
    static TornadoDevice primary() {
        return selected().getFirst();
    }

    /** A human-readable description: {@code "gpu:0 pthread-... (OPENCL, CPU)"}. */
    static String describe(int index, TornadoDevice d) {
        return "gpu:" + index + " " + d.getPhysicalDevice().getDeviceName() + " ("
                + d.getTornadoVMBackend() + ", " + d.getDeviceType() + ")";
    }
}
