package dev.tessel.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.OpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** However many threads call at once, live workers stay within the budget and every result is right. */
class WorkerPoolTest {
    private static final int CALLERS = 32;
    private static final int N = 200_000;

    /** Worker threads of {@code pool} alive now, counted from the JVM's own list of threads. */
    private static int liveWorkerThreads(WorkerPool pool) {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(pool.namePrefix()) && t.isAlive()) {
                n++;
            }
        }
        return n;
    }

    /** Spinning off, the default, and workers that spin longer than the whole test's ops. */
    @ParameterizedTest(name = "spinMicros={0}")
    @ValueSource(strings = {"0", "50", "100000"})
    void thirtyTwoCallersOnBudgetTwoNeverSeeMoreThanTwoWorkers(String spinMicros) throws Exception {
        Scheduler engine = Configs.engine(2, "tessel.cpu.spinMicros", spinMicros);
        WorkerPool pool = engine.pool();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sampledPeak = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                sampledPeak.accumulateAndGet(liveWorkerThreads(pool), Math::max);
                Thread.onSpinWait();
            }
        });
        sampler.start();
        Set<String> tileThreads = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            int seed = c;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int rep = 0; rep < 5; rep++) {
                        runAndCheck(engine, seed * 31 + rep, tileThreads, 2);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "app-" + c);
            callers.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : callers) {
            t.join();
        }
        running.set(false);
        sampler.join();
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);
        assertTrue(pool.peakWorkers() <= 2, "pool peak " + pool.peakWorkers());
        assertTrue(sampledPeak.get() <= 2, "sampled peak " + sampledPeak.get());
        // The workers did take part: the test would pass vacuously otherwise.
        assertTrue(tileThreads.stream().anyMatch(n -> n.startsWith(pool.namePrefix())), tileThreads::toString);
        // And the callers helped with their own tiles rather than waiting.
        assertTrue(tileThreads.stream().filter(n -> n.startsWith("app-")).count() > 1, tileThreads::toString);
    }

    @Test
    void changingTheBudgetWhileCallersRunKeepsResultsRightAndWorkersWithinTheLargest() throws Exception {
        Scheduler engine = Configs.engine(3);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread controller = new Thread(() -> {
            int i = 0;
            while (running.get()) {
                engine.setThreadBudget(1 + (i++ % 3));
                Thread.onSpinWait();
            }
        });
        controller.start();
        List<Thread> callers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        Set<String> names = ConcurrentHashMap.newKeySet();
        for (int c = 0; c < 16; c++) {
            int seed = c;
            Thread t = new Thread(() -> {
                try {
                    for (int rep = 0; rep < 3; rep++) {
                        runAndCheck(engine, seed * 7 + rep, names, -1);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "app-" + c);
            callers.add(t);
            t.start();
        }
        for (Thread t : callers) {
            t.join();
        }
        running.set(false);
        controller.join();
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);
        assertTrue(engine.pool().peakWorkers() <= 3, "pool peak " + engine.pool().peakWorkers());
    }

    @Test
    void anIdleWorkerSpinningForWorkJoinsTheNextOpWithoutANewThread() throws Exception {
        WorkerPool pool = new WorkerPool(2, TimeUnit.SECONDS.toNanos(30));
        try {
            Set<String> names = ConcurrentHashMap.newKeySet();
            pool.run(slowJob(names), 1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (pool.spinningWorkers() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertEquals(1, pool.spinningWorkers(), "the worker spins between ops");
            names.clear();
            pool.run(slowJob(names), 1);
            assertEquals(1, pool.peakWorkers(), "the spinning worker was used, not a second one started");
            assertTrue(names.stream().anyMatch(n -> n.startsWith(pool.namePrefix())), names::toString);
        } finally {
            pool.setCap(0); // ends the spin; the worker then exits
        }
    }

    /** Twenty tiles of 2 ms each: long enough that a spinning worker always claims some. */
    private static TiledJob slowJob(Set<String> names) {
        return new TiledJob((s, e) -> {
            names.add(Thread.currentThread().getName());
            LockSupport.parkNanos(2_000_000);
        }, new TilePlan(1, 20), 20);
    }

    /** An elementwise op on plain arrays: out[i] = a[i] * 3 + seed, every index written once. */
    private static void runAndCheck(Scheduler engine, int seed, Set<String> tileThreads, int expectedThreads) {
        double[] a = new double[N];
        double[] out = new double[N];
        int[] writes = new int[N];
        for (int i = 0; i < N; i++) {
            a[i] = i ^ seed;
        }
        OpRequest req = new OpRequest("triple", OpKind.ELEMENTWISE, DType.FLOAT64, N, 16L * N);
        engine.forEachRange(req, engine.reference(), N, 1, (s, e) -> {
            tileThreads.add(Thread.currentThread().getName());
            for (int i = (int) s; i < e; i++) {
                out[i] = a[i] * 3 + seed;
                writes[i]++;
            }
        });
        for (int i = 0; i < N; i++) {
            if (out[i] != (double) (i ^ seed) * 3 + seed || writes[i] != 1) {
                throw new AssertionError("index " + i + ": " + out[i] + " written " + writes[i] + " times");
            }
        }
        if (expectedThreads > 0) {
            assertEquals(expectedThreads, engine.lastPlacements().getLast().threads());
        }
    }
}
