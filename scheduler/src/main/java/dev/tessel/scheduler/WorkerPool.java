package dev.tessel.scheduler;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The worker threads of one engine, never more live at once than the cap (the
 * {@code tessel.cpu.threads} budget), however many application threads submit work.
 *
 * <p>A caller queues its job with a number of helper slots, then runs the job's tiles itself;
 * idle workers, or new ones while the cap allows, take slots and claim tiles too. When the
 * caller runs out of tiles it withdraws the job, so no worker joins late, and waits for the
 * tiles still running. Work therefore always progresses on the caller's own thread even when
 * every worker is busy with other callers' jobs: nothing waits on a worker.
 *
 * <p>Workers are daemon threads that exit after {@value #KEEP_ALIVE_SECONDS} s idle, or soon
 * after the cap is lowered below the live count.
 *
 * <p>Waking a parked thread costs tens of microseconds on a virtual machine, which is a fifth
 * of a 1,000,000-element exp: an idle worker therefore spins for {@code tessel.cpu.spinMicros}
 * (watching a counter that every offer bumps) before it parks, and a caller waiting for its
 * last tile spins as long before it parks, so back-to-back ops pass work between threads with
 * no wake-up. The same trade OpenMP runtimes make with their spin count; 0 turns it off.
 */
final class WorkerPool {
    static final long KEEP_ALIVE_SECONDS = 10;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final ArrayDeque<TiledJob> queue = new ArrayDeque<>();
    private final String namePrefix = "tessel-worker-" + POOLS.incrementAndGet() + "-";
    private int cap;
    private int live;
    private int idle;
    private int wanted;
    private int peak;
    private int started;
    /** Workers spinning for an offer before they park; guarded by the lock. */
    private int spinning;
    /** Bumped (under the lock) by every offer; spinning workers watch it without the lock. */
    private volatile int offers;
    private final long spinNanos;

    WorkerPool(int cap, long spinNanos) {
        this.cap = cap;
        this.spinNanos = spinNanos;
    }

    /** True on a thread of any Tessel worker pool: ops called there run inline. */
    static boolean onWorker() {
        return Thread.currentThread() instanceof Worker;
    }

    /** Runs {@code job} on the calling thread with up to {@code helpers} workers joining. */
    void run(TiledJob job, int helpers) {
        offer(job, helpers);
        try {
            job.runTiles();
        } finally {
            withdraw(job);
        }
        job.awaitAndRethrow(spinNanos);
    }

    private void offer(TiledJob job, int helpers) {
        lock.lock();
        try {
            job.helperSlots = helpers;
            queue.addLast(job);
            offers++;
            wanted += helpers;
            int spawn = Math.min(cap - live, wanted - idle - spinning);
            for (int i = 0; i < spawn; i++) {
                startWorker();
            }
            // Spinning workers see the offer by themselves. Wake only as many parked workers as
            // the job can still use: no herd for a one-helper job.
            for (int i = Math.min(idle, helpers - spinning); i > 0; i--) {
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void withdraw(TiledJob job) {
        lock.lock();
        try {
            if (queue.remove(job)) {
                wanted -= job.helperSlots;
                job.helperSlots = 0;
            }
        } finally {
            lock.unlock();
        }
    }

    private void startWorker() {
        live++;
        started++;
        peak = Math.max(peak, live);
        Worker w = new Worker(namePrefix + started);
        w.start();
    }

    /** The next job with a free helper slot, or null; under the lock. */
    private TiledJob takeSlot() {
        while (!queue.isEmpty()) {
            TiledJob job = queue.peekFirst();
            if (job.claimed() || job.helperSlots == 0) {
                queue.pollFirst();
                wanted -= job.helperSlots;
                job.helperSlots = 0;
                continue;
            }
            job.helperSlots--;
            wanted--;
            if (job.helperSlots == 0) {
                queue.pollFirst();
            }
            return job;
        }
        return null;
    }

    /** A worker's next job, or null when it should exit (idle too long, or over the cap). */
    private TiledJob nextJob() throws InterruptedException {
        lock.lock();
        try {
            long waitNanos = TimeUnit.SECONDS.toNanos(KEEP_ALIVE_SECONDS);
            boolean spun = spinNanos == 0;
            while (live <= cap) {
                TiledJob job = takeSlot();
                if (job != null) {
                    return job;
                }
                if (!spun) {
                    spun = true;
                    spinForOffer();
                    continue;
                }
                if (waitNanos <= 0) {
                    break;
                }
                idle++;
                try {
                    waitNanos = work.awaitNanos(waitNanos);
                } finally {
                    idle--;
                }
            }
            live--;
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Spins until the next offer or {@code spinNanos}; called and returns under the lock. */
    private void spinForOffer() {
        int seen = offers;
        spinning++;
        lock.unlock();
        try {
            long start = System.nanoTime();
            while (offers == seen && System.nanoTime() - start < spinNanos) {
                Thread.onSpinWait();
            }
        } finally {
            lock.lock();
            spinning--;
        }
    }

    /** Changes the cap; surplus workers exit when they next look for work. */
    void setCap(int cap) {
        lock.lock();
        try {
            this.cap = cap;
            offers++; // spinning workers look again too
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int cap() {
        lock.lock();
        try {
            return cap;
        } finally {
            lock.unlock();
        }
    }

    /** Worker threads alive now. */
    int liveWorkers() {
        lock.lock();
        try {
            return live;
        } finally {
            lock.unlock();
        }
    }

    /** Workers spinning for work right now. */
    int spinningWorkers() {
        lock.lock();
        try {
            return spinning;
        } finally {
            lock.unlock();
        }
    }

    /** The most worker threads ever alive at once since the last {@link #resetPeak()}. */
    int peakWorkers() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }

    void resetPeak() {
        lock.lock();
        try {
            peak = live;
        } finally {
            lock.unlock();
        }
    }

    /** The prefix of this pool's thread names. */
    String namePrefix() {
        return namePrefix;
    }

    private final class Worker extends Thread {
        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                TiledJob job;
                while ((job = nextJob()) != null) {
                    job.runTiles();
                }
            } catch (InterruptedException e) {
                lock.lock();
                try {
                    live--;
                } finally {
                    lock.unlock();
                }
            }
        }
    }
}
