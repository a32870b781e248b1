package dev.tessel.spi;

import dev.tessel.Placement;
import dev.tessel.ThreadLimit;
import java.util.List;
import java.util.function.Consumer;

/**
 * The scheduler behind every operation: it places ops on a backend and runs their work, on
 * the calling thread or split into tiles over worker threads. The {@code tessel-scheduler}
 * module provides it through {@link java.util.ServiceLoader}.
 */
public interface Engine {
    /** Chooses the backend for {@code request}. */
    Backend place(OpRequest request);

    /** The scalar reference backend, which has every loop. */
    Backend reference();

    /**
     * Runs {@code task} over {@code [0, total)}, split into ranges whose bounds are multiples
     * of {@code grain} (except the last), in any order and possibly concurrently; every index
     * is covered exactly once. Returns when all ranges are done. {@code backend} is the
     * backend the caller actually uses, for the placement record.
     *
     * <p>The ranges depend only on {@code request}, {@code total}, {@code grain} and the
     * configuration, never on the thread count: a reduction that keeps one partial result per
     * range (keyed by its {@code start}) and combines them in ascending order of {@code start}
     * is bitwise the same on 1 thread and on 64.
     */
    void forEachRange(OpRequest request, Backend backend, long total, long grain, RangeTask task);

    // ---- Inspection and thread budget, behind dev.tessel.Tessel. The defaults suit a
    // single-threaded engine such as a test's. ----

    /** Lines for {@link dev.tessel.Tessel#info()}: backends found and missing, species, devices, threads. */
    default String describe() {
        return "engine: " + getClass().getName() + " (calling thread only)\n";
    }

    /** The thread budget for ops called from the current thread now. */
    default int threadBudget() {
        return 1;
    }

    /** Changes the JVM-wide thread budget. */
    default void setThreadBudget(int threads) {
        throw new UnsupportedOperationException(getClass().getName() + " has a fixed budget of one thread");
    }

    /** Narrows the current thread's budget until the result is closed. */
    default ThreadLimit limitThreads(int threads) {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("thread budget must be 1 to 1024, got " + threads);
        }
        return new ThreadLimit() {
            @Override
            public int threads() {
                return 1;
            }

            @Override
            public void close() {
            }
        };
    }

    /** The latest placements made for the current thread, oldest first. */
    default List<Placement> lastPlacements() {
        return List.of();
    }

    /** Calls {@code listener} with every placement from now on. */
    default void addPlacementListener(Consumer<Placement> listener) {
    }

    /** Stops calling {@code listener}. */
    default void removePlacementListener(Consumer<Placement> listener) {
    }

    /**
     * Records a placement decided outside {@link #place}: an op whose inputs are lent to a device
     * runs there (see {@code dev.tessel.DeviceRoute}); it joins {@link #lastPlacements()} and the
     * listeners like any other. The default drops it.
     */
    default void recordPlacement(Placement placement) {
    }
}
