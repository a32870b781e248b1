package dev.tessel.scheduler;

import dev.tessel.ThreadLimit;

/**
 * The JVM-wide thread budget and the narrower limits threads set for their own blocks. The
 * budget counts every thread that works on one op, the caller included, and caps the pool's
 * live workers; a limit can only narrow it.
 */
final class ThreadBudget {
    static final int MAX = 1024;

    private volatile int global;
    private final ThreadLocal<int[]> local = ThreadLocal.withInitial(() -> new int[] {MAX});

    ThreadBudget(int global) {
        this.global = check(global);
    }

    static int check(int threads) {
        if (threads < 1 || threads > MAX) {
            throw new IllegalArgumentException("thread budget must be 1 to " + MAX + ", got " + threads);
        }
        return threads;
    }

    int global() {
        return global;
    }

    void setGlobal(int threads) {
        global = check(threads);
    }

    /** The budget for an op called from this thread now. */
    int forCurrentThread() {
        return Math.min(global, local.get()[0]);
    }

    /** Narrows this thread's limit until closed; closing restores the previous limit. */
    ThreadLimit narrow(int threads) {
        check(threads);
        int[] cell = local.get();
        int previous = cell[0];
        cell[0] = Math.min(previous, threads);
        return new ThreadLimit() {
            private boolean closed;

            @Override
            public int threads() {
                return forCurrentThread();
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    cell[0] = previous;
                }
            }
        };
    }
}
