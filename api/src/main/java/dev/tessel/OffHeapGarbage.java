package dev.tessel;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps garbage arrays from piling up off the heap: every {@code tessel.memory.collectEvery}
 * bytes (default {@link #DEFAULT_EVERY}) of arrays of at least {@link #TRACKED_FROM} bytes, the
 * next allocation asks for a collection ({@link System#gc()}, the trigger the JDK's own direct
 * buffers use; a full collection, which a program with a large live heap may want rarer, or
 * never: 0).
 *
 * <p>Why: Tessel's arrays live off the heap and only a collection frees an unreachable one (its
 * automatic arena's cleanup), while a loop such as {@code c = a.add(b)} allocates almost nothing
 * on the heap that would start one. Measured before this class (float32, one thread): at 1e7
 * elements (40 MB results) such a loop grew to 10 GB resident in 240 iterations and took 50 ms
 * per add, the kernel faulting small pages in once huge ones ran short (2.6 ms with
 * {@code out=}; NumPy, which maps and faults its 40 MB result every time too, 4.9); at 1e6 (4 MB,
 * under {@code malloc}) it grew to 5 GB, every result fresh memory, 3.1 ms per add. With
 * collections every gigabyte, collected arrays' memory is reused: from
 * {@link HugePageMemory}'s pool, or by {@code malloc} itself. Small arrays are left to the
 * collections their own heap objects cause. With {@code -XX:+DisableExplicitGC} nothing changes
 * from before: the JDK still collects when its direct-memory limit is reached.
 */
final class OffHeapGarbage {
    /** Allocations counted: smaller arrays bring heap garbage of their own in proportion. */
    static final long TRACKED_FROM = 64L << 10;
    /** Default of {@code tessel.memory.collectEvery}: 1 GiB, or a quarter of the heap's maximum if less. */
    static final long DEFAULT_EVERY = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);
    private static final AtomicLong SINCE = new AtomicLong();
    private static final AtomicLong ASKED = new AtomicLong();
    /** {@code tessel.memory.collectEvery}, read on first use; -1 until then. */
    private static volatile long every = -1;

    private OffHeapGarbage() {
    }

    /**
     * {@code tessel.memory.collectEvery} (a bad value throws the {@link ConfigException} naming
     * it, on every allocation until fixed, as every other key does on first use).
     */
    static long collectEvery() {
        long e = every;
        if (e < 0) {
            e = Config.current().get(ConfigKey.COLLECT_EVERY);
            every = e;
        }
        return e;
    }

    /** Counts an allocation of {@code bytes} about to be made; asks for a collection when one is due. */
    static void allocating(long bytes) {
        if (bytes < TRACKED_FROM) {
            return;
        }
        long limit = collectEvery();
        if (limit == 0) {
            return;
        }
        long since = SINCE.addAndGet(bytes);
        if (since > limit && SINCE.compareAndSet(since, 0)) {
            ASKED.incrementAndGet();
            System.gc(); // unreachable arrays' cleanups then free or pool their memory
        }
    }

    /** Collections asked for so far (for tests). */
    static long collectionsAsked() {
        return ASKED.get();
    }
}
