package dev.tessel.bench.ufunc;

import dev.tessel.Config;
import dev.tessel.Placement;
import dev.tessel.Tessel;
import java.util.List;

/**
 * Puts a benchmark JVM on the backend its {@code backend} parameter names, and checks that the
 * op really ran there: a "simd" row measured on the scalar loops would be a silent lie.
 * JMH forks a fresh JVM per parameter combination, so setting {@code tessel.backend} before
 * the first op is enough.
 */
final class BackendSelection {
    private BackendSelection() {}

    /** Sets {@code tessel.backend} for "scalar", "simd" or "gpu"; must run before Tessel's first op. */
    static void select(String backend) {
        String setting = switch (backend) {
            case "scalar" -> "scalar";
            case "simd" -> "cpu";
            case "gpu" -> "gpu";
            default -> throw new IllegalArgumentException("backend must be scalar, simd or gpu, got '" + backend + "'");
        };
        System.setProperty("tessel.backend", setting);
        String effective = Config.current().backend().name().toLowerCase(java.util.Locale.ROOT);
        if (!effective.equals(setting)) {
            throw new IllegalStateException("tessel.backend is " + effective + ", not " + setting
                    + ": Tessel's configuration was read before the benchmark chose its backend");
        }
    }

    /** Throws unless the latest op on this thread ran on {@code backend}. */
    static void verify(String backend) {
        List<Placement> placements = Tessel.lastPlacements();
        if (placements.isEmpty()) {
            throw new IllegalStateException("no placement recorded: cannot tell where the op ran");
        }
        Placement last = placements.get(placements.size() - 1);
        if (!last.backend().equals(backend)) {
            throw new IllegalStateException("asked for backend " + backend + " but the op ran on " + last);
        }
    }
}
