package dev.tessel.scheduler;

import dev.tessel.reference.ReferenceBackend;
import dev.tessel.spi.Backend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The backends this JVM can use, found once: every {@link Backend} service plus the scalar
 * reference, which is always present. A backend that is present but cannot run here, or
 * fails to load, is kept out with one log line saying what to add; a known backend whose
 * module is absent is listed as missing (for {@code Tessel.info()}) without a log line, since
 * nobody asked for it.
 */
final class BackendCatalog {
    private static final System.Logger LOG = System.getLogger("dev.tessel.scheduler");

    /** Backends Tessel ships, and what a user adds to get each. */
    private static final Map<String, String> KNOWN = new TreeMap<>(Map.of(
            "simd", "add the dependency dev.tessel:tessel-cpu-simd and run with --add-modules jdk.incubator.vector",
            "gpu", "add the dependency dev.tessel:tessel-gpu and install TornadoVM (set TORNADOVM_HOME)"));

    private final List<Backend> usable;
    private final Map<String, String> missing;

    private BackendCatalog(List<Backend> usable, Map<String, String> missing) {
        this.usable = List.copyOf(usable);
        this.missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    }

    /** Finds the backends with {@link ServiceLoader}, logging the ones it must skip. */
    static BackendCatalog discover() {
        List<Backend> found = new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>();
        Iterator<Backend> it = ServiceLoader.load(Backend.class, BackendCatalog.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                String why = loadFailure(e);
                LOG.log(System.Logger.Level.WARNING, "Tessel backend skipped: " + why);
                missing.put("(failed to load)", why);
            }
        }
        return of(found, missing, true);
    }

    /** A catalogue of exactly {@code backends} (plus the reference), for tests. */
    static BackendCatalog of(List<Backend> backends) {
        return of(backends, new LinkedHashMap<>(), false);
    }

    private static BackendCatalog of(List<Backend> found, Map<String, String> missing, boolean log) {
        List<Backend> usable = new ArrayList<>();
        usable.add(ReferenceBackend.INSTANCE);
        for (Backend b : found) {
            if (b == ReferenceBackend.INSTANCE || b.name().equals(ReferenceBackend.INSTANCE.name())) {
                continue;
            }
            String reason = b.unavailableReason();
            if (reason == null) {
                usable.add(b);
            } else {
                missing.put(b.name(), reason);
                if (log) {
                    LOG.log(System.Logger.Level.WARNING, "Tessel backend " + b.name() + " skipped: " + reason);
                }
            }
        }
        for (Map.Entry<String, String> k : KNOWN.entrySet()) {
            boolean present = found.stream().anyMatch(b -> b.name().equals(k.getKey()));
            if (!present && log) {
                missing.put(k.getKey(), "not on the module or class path: " + k.getValue());
            }
        }
        // Highest priority first; the reference (priority 0) last among equals.
        usable.sort(Comparator.comparingInt(Backend::priority).reversed());
        return new BackendCatalog(usable, missing);
    }

    private static String loadFailure(Throwable e) {
        String text = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause());
        if (text.contains("jdk/incubator/vector") || text.contains("jdk.incubator.vector")) {
            return "the SIMD backend needs the Vector API: run with --add-modules jdk.incubator.vector (" + text + ")";
        }
        return e.toString();
    }

    /** Usable backends, highest priority first; always ends with or contains the reference. */
    List<Backend> usable() {
        return usable;
    }

    /** Backend name to the reason it is not usable, for every known or present one that is not. */
    Map<String, String> missing() {
        return missing;
    }

    /** The best usable host (CPU) backend. */
    Backend bestHost() {
        for (Backend b : usable) {
            if (isHost(b)) {
                return b;
            }
        }
        return ReferenceBackend.INSTANCE;
    }

    /** The best usable accelerator backend, or null. */
    Backend bestDevice() {
        for (Backend b : usable) {
            if (!isHost(b)) {
                return b;
            }
        }
        return null;
    }

    static boolean isHost(Backend b) {
        return "cpu".equals(b.device());
    }
}
