package dev.tessel.scheduler;

import dev.tessel.Config;
import dev.tessel.ConfigKey;
import dev.tessel.PlacementException;
import dev.tessel.reference.ReferenceBackend;
import dev.tessel.spi.Backend;
import dev.tessel.spi.OpRequest;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Chooses a backend for each op from {@code tessel.backend}, which backends are usable, and
 * size: {@code auto} takes the best host backend, or the GPU from
 * {@code tessel.gpu.minElements}; {@code cpu} the best host backend; {@code scalar} the
 * reference; {@code gpu} the GPU, or what {@code tessel.gpu.fallback} says when there is none.
 * Residency is decided before this policy is asked: an elementwise op whose inputs are all lent
 * to one device is queued there by the generic layer ({@code dev.tessel.DeviceRoute}) and only
 * its record reaches the scheduler ({@code Engine.recordPlacement}); requests that get here have
 * their inputs on the host.
 *
 * <p>Reasons are built once here so that recording a placement costs no string work.
 */
final class PlacementPolicy {
    private static final System.Logger LOG = System.getLogger("dev.tessel.scheduler");

    /** A chosen backend and why. */
    record Decision(Backend backend, String reason) {
    }

    private final Config config;
    private final long gpuMinElements;
    /** Read once: a Config never changes, and every op asks (twice: place, then explain). */
    private final Config.BackendChoice choice;
    private final Decision scalar;
    private final Decision host;
    private final Decision device;
    private final String noDevice;
    private final Decision fellBack;
    private final AtomicBoolean warned = new AtomicBoolean();

    PlacementPolicy(Config config, BackendCatalog catalog) {
        this.config = config;
        this.gpuMinElements = config.get(ConfigKey.GPU_MIN_ELEMENTS);
        this.choice = config.backend();
        String setting = "tessel.backend=" + config.value(ConfigKey.BACKEND).key().syntax().format(config.backend());
        Backend best = catalog.bestHost();
        Backend gpu = catalog.bestDevice();
        this.scalar = new Decision(ReferenceBackend.INSTANCE, setting);
        this.host = new Decision(best, setting + ": best CPU backend");
        this.device = gpu == null ? null : new Decision(gpu, setting + ": GPU");
        this.noDevice = "no GPU backend is usable" + (catalog.missing().containsKey("gpu")
                ? " (gpu: " + catalog.missing().get("gpu") + ")" : "");
        this.fellBack = new Decision(best, "tessel.backend=gpu: no usable GPU, fell back to the CPU");
    }

    /** The backend for {@code request}; throws {@link PlacementException} when the settings forbid every choice. */
    Decision choose(OpRequest request) {
        return switch (choice) {
            case SCALAR -> scalar;
            case CPU -> host;
            case AUTO -> device != null && request.elements() >= gpuMinElements ? device : host;
            case GPU -> device != null ? device : fallback(request, true);
        };
    }

    /** Like {@link #choose} but never throws: for explaining a choice the caller already made. */
    Decision explain(OpRequest request) {
        if (choice == Config.BackendChoice.GPU && device == null) {
            return fallback(request, false);
        }
        return choose(request);
    }

    private Decision fallback(OpRequest request, boolean enforce) {
        Config.GpuFallback mode = config.gpuFallback();
        if (mode == Config.GpuFallback.ERROR && enforce) {
            throw new PlacementException("Cannot run " + request.name() + " on the GPU: tessel.backend=gpu but "
                    + noDevice + "; set tessel.gpu.fallback=warn or allow to run on the CPU instead");
        }
        if (mode == Config.GpuFallback.WARN && enforce && warned.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, "tessel.backend=gpu but " + noDevice
                    + "; running on the CPU (tessel.gpu.fallback=warn, logged once)");
        }
        return fellBack;
    }
}
