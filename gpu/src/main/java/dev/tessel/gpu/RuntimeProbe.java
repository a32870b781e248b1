package dev.tessel.gpu;

/**
 * Decides once whether the TornadoVM runtime and a device are present. Touches TornadoVM
 * classes only after checking the JVM was started with the SDK's flags, so that a JVM without
 * them gets a sentence rather than a {@link LinkageError}.
 */
final class RuntimeProbe {
    /** Set by the SDK's {@code tornado-argfile}; without it the runtime cannot start. */
    static final String RUNTIME_PROPERTY = "tornado.load.runtime.implementation";

    private static final String REASON = probe();

    private RuntimeProbe() {
    }

    /** Null when kernels can run here, else one line saying what to add. */
    static String reason() {
        return REASON;
    }

    static boolean available() {
        return REASON == null;
    }

    private static String probe() {
        if (System.getProperty(RUNTIME_PROPERTY) == null) {
            return "TornadoVM runtime not loaded: install a TornadoVM SDK, set TORNADOVM_HOME and start "
                    + "java with @$TORNADOVM_HOME/tornado-argfile";
        }
        try {
            int n = DeviceRegistry.all().size();
            if (n == 0) {
                return "TornadoVM found no device: install an OpenCL driver (e.g. pocl-opencl-icd)";
            }
            if (DeviceRegistry.selected().isEmpty()) {
                return "tessel.gpu.devices=" + GpuSettings.devices() + " selects none of the " + n + " device(s)";
            }
            return null;
        } catch (LinkageError | RuntimeException e) {
            return "TornadoVM runtime failed to start: " + e;
        }
    }
}
