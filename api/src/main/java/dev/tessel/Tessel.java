package dev.tessel;

import dev.tessel.spi.Engine;
import dev.tessel.spi.Engines;
import java.util.List;
import java.util.function.Consumer;

/** Tessel as a whole: what is running and how, and the switches a program turns at run time. */
public final class Tessel {
    private Tessel() {
    }

    // ---- Scheduler area: information, thread budget, placement inspection. ----

    /**
     * A report of this runtime: Java version, backends found (and why each missing one is
     * missing), SIMD species, devices, the thread budget, and every effective configuration
     * value with its source. Throws {@link ConfigException} when the configuration is bad.
     */
    public static String info() {
        Config config = Config.current();
        StringBuilder sb = new StringBuilder("Tessel\n");
        sb.append("  java: ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vm.name")).append(", ")
                .append(System.getProperty("java.vendor")).append(")\n");
        sb.append("  os: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" processors\n");
        Engine engine;
        try {
            engine = Engines.current();
        } catch (IllegalStateException e) {
            engine = null;
            sb.append("engine: none (").append(e.getMessage()).append(")\n");
        }
        if (engine != null) {
            sb.append(engine.describe());
        }
        sb.append("configuration:\n");
        for (Config.Value<?> v : config.values()) {
            sb.append("  ").append(v).append('\n');
        }
        return sb.toString();
    }

    /** The thread budget for ops called from this thread now. */
    public static int threads() {
        return Engines.current().threadBudget();
    }

    /**
     * Narrows the thread budget for ops called from this thread until the result is closed;
     * it never widens it beyond {@link #setThreads}'s. {@code threads} is 1 to 1024.
     */
    public static ThreadLimit threads(int threads) {
        return Engines.current().limitThreads(threads);
    }

    /** Changes the JVM-wide thread budget ({@code tessel.cpu.threads}) now; 1 to 1024. */
    public static void setThreads(int threads) {
        Engines.current().setThreadBudget(threads);
    }

    /** The latest placements of ops called from this thread, oldest first (a bounded window). */
    public static List<Placement> lastPlacements() {
        return Engines.current().lastPlacements();
    }

    /** Calls {@code listener} with every placement, on the thread that called the op. */
    public static void addPlacementListener(Consumer<Placement> listener) {
        Engines.current().addPlacementListener(listener);
    }

    /** Stops calling {@code listener}. */
    public static void removePlacementListener(Consumer<Placement> listener) {
        Engines.current().removePlacementListener(listener);
    }

    // ---- ownership ----

    /**
     * Opens a {@link Scope}: arrays this thread allocates until it closes are freed when it
     * closes, which is refused while any of them is leased or lent to a device.
     */
    public static Scope scope() {
        return Scope.open();
    }

    // ---- GPU area: devices. ----

    /**
     * The accelerators of the usable backends, in backend then device order (e.g. {@code gpu:0},
     * {@code gpu:1}), ready for {@code a.to(device)}; empty when no backend offers one.
     */
    public static List<dev.tessel.spi.Device> devices() {
        List<dev.tessel.spi.Device> out = new java.util.ArrayList<>();
        for (dev.tessel.spi.Backend b : java.util.ServiceLoader.load(dev.tessel.spi.Backend.class,
                Tessel.class.getClassLoader())) {
            if (b.unavailableReason() == null) {
                out.addAll(b.devices());
            }
        }
        return List.copyOf(out);
    }
}
