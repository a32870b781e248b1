package dev.tessel.scheduler;

import dev.tessel.spi.RangeTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One op's tiles, claimed one at a time by whichever threads work on it: its caller and the
 * workers that join. Claiming by counter balances uneven tiles without any plan per thread.
 * After a tile fails, the rest are skipped and the caller rethrows the first failure.
 */
final class TiledJob {
    private final RangeTask task;
    private final TilePlan plan;
    private final long total;
    private final Thread caller;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger remaining;
    private volatile Throwable failure;
    /** Workers that may still join; guarded by the pool's lock. */
    int helperSlots;

    TiledJob(RangeTask task, TilePlan plan, long total) {
        this.task = task;
        this.plan = plan;
        this.total = total;
        this.caller = Thread.currentThread();
        this.remaining = new AtomicInteger(plan.count());
    }

    /** Runs tiles until none is left to claim. */
    void runTiles() {
        int t;
        while ((t = next.getAndIncrement()) < plan.count()) {
            try {
                if (failure == null) {
                    task.run(plan.start(t), plan.end(t, total));
                }
            } catch (Throwable e) {
                synchronized (this) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            } finally {
                if (remaining.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /** True when every tile has been claimed (some may still be running). */
    boolean claimed() {
        return next.get() >= plan.count();
    }

    /**
     * Waits until every tile has finished, spinning up to {@code spinNanos} before it parks (a
     * helper's last tile usually ends within microseconds of the caller's), then rethrows the
     * first failure. Caller only.
     */
    void awaitAndRethrow(long spinNanos) {
        long start = System.nanoTime();
        while (remaining.get() > 0 && System.nanoTime() - start < spinNanos) {
            Thread.onSpinWait();
        }
        // An op is not interruptible, but a pending interrupt would make park return at once
        // and turn this wait into a spin: hold the flag aside and set it again afterwards.
        boolean interrupted = false;
        while (remaining.get() > 0) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException("a tile failed", f);
        }
    }
}
