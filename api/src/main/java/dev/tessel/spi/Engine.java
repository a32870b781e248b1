package dev.tessel.spi;

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
     */
    void forEachRange(OpRequest request, Backend backend, long total, long grain, RangeTask task);
}
