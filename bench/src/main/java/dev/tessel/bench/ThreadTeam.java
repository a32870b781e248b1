package dev.tessel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed team of threads that splits a range [0, n) into equal stripes, the caller taking
 * the first. The bandwidth reference needs its own team rather than Tessel's scheduler: it
 * measures the machine, not Tessel, and must not change when the scheduler does.
 */
final class ThreadTeam implements AutoCloseable {
    /** Below this many elements per stripe, handing work to another thread costs more than it saves. */
    static final long MIN_STRIPE = 1 << 16;

    /** The work of one stripe: elements [from, to). */
    interface Stripe {
        void run(long from, long to);
    }

    private final int threads;
    private final ExecutorService helpers;

    ThreadTeam(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.helpers = threads > 1 ? Executors.newFixedThreadPool(threads - 1, ThreadTeam::daemon) : null;
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "tessel-bench-team");
        t.setDaemon(true);
        return t;
    }

    int threads() {
        return threads;
    }

    /** Runs {@code stripe} over [0, n), on up to {@link #threads()} threads, and waits for all. */
    void run(long n, Stripe stripe) {
        int parts = (int) Math.max(1, Math.min(threads, n / MIN_STRIPE));
        if (parts == 1) {
            stripe.run(0, n);
            return;
        }
        List<Future<?>> pending = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            long from = n * p / parts;
            long to = n * (p + 1) / parts;
            pending.add(helpers.submit(() -> stripe.run(from, to)));
        }
        stripe.run(0, n / parts);
        for (Future<?> f : pending) {
            join(f);
        }
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a stripe", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a stripe failed", e.getCause());
        }
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
