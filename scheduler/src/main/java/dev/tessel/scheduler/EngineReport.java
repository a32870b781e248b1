package dev.tessel.scheduler;

import dev.tessel.Config;
import dev.tessel.spi.Backend;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The engine's part of {@code Tessel.info()}: threads, backends found and missing, devices. */
final class EngineReport {
    private EngineReport() {
    }

    static String of(BackendCatalog catalog, int threads, Config config, WorkerPool pool) {
        StringBuilder sb = new StringBuilder();
        sb.append("engine: ").append(Scheduler.class.getName()).append('\n');
        sb.append("  thread budget: ").append(threads);
        if (threads != config.cpuThreads()) {
            sb.append(" (set at run time; tessel.cpu.threads = ").append(config.cpuThreads()).append(')');
        }
        sb.append(", live workers: ").append(pool.liveWorkers()).append('\n');
        sb.append("backends (highest priority first):\n");
        Set<String> devices = new LinkedHashSet<>();
        for (Backend b : catalog.usable()) {
            sb.append("  ").append(b.name()).append(" (priority ").append(b.priority()).append(", ")
                    .append(b.device()).append("): ").append(b.describe()).append('\n');
            devices.add(b.device());
        }
        if (!catalog.missing().isEmpty()) {
            sb.append("backends missing:\n");
            for (Map.Entry<String, String> m : catalog.missing().entrySet()) {
                sb.append("  ").append(m.getKey()).append(": ").append(m.getValue()).append('\n');
            }
        }
        sb.append("devices: ").append(String.join(", ", devices)).append(" (")
                .append(Runtime.getRuntime().availableProcessors()).append(" processors)\n");
        return sb.toString();
    }
}
