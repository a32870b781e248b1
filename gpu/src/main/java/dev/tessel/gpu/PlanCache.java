package dev.tessel.gpu;

import dev.tessel.gpu.KernelTable.Kernel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Execution plans by (kernel, size class, device), least recently used first out. Building a
 * plan costs a JIT compile of its kernel (0.6 to 3 s on the first call), so plans are kept;
 * each holds device memory, so the cache is bounded and closes what it evicts.
 */
final class PlanCache {
    /** Smallest size class: below it, padding costs less than another compile. */
    static final int MIN_CAPACITY = 4096;
    /** Largest size class; longer runs are processed in pieces of this length. */
    static final int MAX_CAPACITY = 1 << 24;

    private final int limit;
    private final LinkedHashMap<Key, KernelPlan> plans = new LinkedHashMap<>(16, 0.75f, true);

    PlanCache(int limit) {
        this.limit = limit;
    }

    /** The size class for {@code n} elements: the next power of two, within the bounds. */
    static int capacityFor(long n) {
        if (n <= MIN_CAPACITY) {
            return MIN_CAPACITY;
        }
        if (n >= MAX_CAPACITY) {
            return MAX_CAPACITY;
        }
        return Integer.highestOneBit((int) n - 1) << 1;
    }

    /** The plan for {@code kernel} with room for {@code n} elements on {@code device}, built if absent. */
    KernelPlan get(Kernel kernel, long n, int device) {
        Key key = new Key(kernel, capacityFor(n), device);
        List<KernelPlan> evicted = new ArrayList<>();
        KernelPlan p;
        synchronized (this) {
            p = plans.get(key);
            if (p == null || p.isClosed()) {
                p = KernelPlan.build(kernel, key.capacity, device);
                plans.put(key, p);
                var it = plans.entrySet().iterator();
                while (plans.size() > limit && it.hasNext()) {
                    Map.Entry<Key, KernelPlan> e = it.next();
                    evicted.add(e.getValue());
                    it.remove();
                }
            }
        }
        // Closing waits for a caller still using the plan; do it outside the cache's lock.
        evicted.forEach(KernelPlan::close);
        return p;
    }

    synchronized int size() {
        return plans.size();
    }

    /** Closes every plan (tests, shutdown). */
    void clear() {
        List<KernelPlan> all;
        synchronized (this) {
            all = new ArrayList<>(plans.values());
            plans.clear();
        }
        all.forEach(KernelPlan::close);
    }

    private record Key(Kernel kernel, int capacity, int device) {
    }
}
