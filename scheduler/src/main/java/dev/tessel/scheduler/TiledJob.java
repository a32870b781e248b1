package dev.tessel.scheduler;

import dev.tessel.spi.RangeTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One op's tiles, claimed by whichever threads work on it: its caller and the workers that
 * join. Claiming by counter balances uneven tiles without any plan per thread. After a tile
 * fails, the rest are skipped and the caller rethrows the first failure.
 *
 * <p>A reduction's tiles are claimed one at a time: each is one partial result, so the ranges
 * must not depend on who runs them. An elementwise op or copy ({@code runs} true) claims runs of
 * adjacent tiles instead, each a share of what is left ({@code left / (2 threads)} tiles, down
 * to one at the end: guided self-scheduling), and runs each run as one range. A thread then
 * streams through long stretches of memory with one kernel entry each, where one tile per claim
 * restarted the hardware prefetcher's streams and the kernel every 32 KiB; the last, single
 * tiles still even out the threads' finishing times.
 */
final class TiledJob {
    private final RangeTask task;
    private final TilePlan plan;
    private final long total;
    private final Thread caller;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger remaining;
    /** Threads that may work on this job: divides what is left into runs; 0 claims single tiles. */
    private final int runShare;
    private volatile Throwable failure;
    /** Workers that may still join; guarded by the pool's lock. */
    int helperSlots;

    TiledJob(RangeTask task, TilePlan plan, long total) {
        this(task, plan, total, 0);
    }

    /**
     * A job whose tiles are claimed in runs when {@code threads > 0} (elementwise ops and copies
     * on that many threads), one at a time when 0 (reductions, matmul).
     */
    TiledJob(RangeTask task, TilePlan plan, long total, int threads) {
        this.runShare = 2 * threads;
        this.task = task;
        this.plan = plan;
        this.total = total;
        this.caller = Thread.currentThread();
        this.remaining = new AtomicInteger(plan.count());
    }

    /** Runs tiles until none is left to claim. */
    void runTiles() {
        int count = plan.count();
        for (;;) {
            int first;
            int last;
            if (runShare == 0) {
                first = next.getAndIncrement();
                if (first >= count) {
                    return;
                }
                last = first;
            } else {
                first = next.get();
                if (first >= count) {
                    return;
                }
                last = Math.min(count, first + Math.max(1, (count - first) / runShare)) - 1;
                if (!next.compareAndSet(first, last + 1)) {
                    continue; // another thread claimed meanwhile: size the run again
                }
            }
            run(first, last);
        }
    }

    /** Runs tiles {@code first..last} as one range and counts them done. */
    private void run(int first, int last) {
        try {
            if (failure == null) {
                task.run(plan.start(first), plan.end(last, total));
            }
        } catch (Throwable e) {
            synchronized (this) {
                if (failure == null) {
                    failure = e;
                }
            }
        } finally {
            if (remaining.addAndGet(first - last - 1) == 0) {
                LockSupport.unpark(caller);
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
