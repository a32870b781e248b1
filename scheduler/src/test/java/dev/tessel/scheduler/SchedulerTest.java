package dev.tessel.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessel.DType;
import dev.tessel.Placement;
import dev.tessel.ThreadLimit;
import dev.tessel.spi.OpKind;
import dev.tessel.spi.OpRequest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Inline execution, narrowing, run-time budget changes and failures. */
class SchedulerTest {
    private static final int N = 1 << 20;

    private static OpRequest big() {
        return new OpRequest("add", OpKind.ELEMENTWISE, DType.FLOAT32, N, 12L * N);
    }

    /** Runs a big op and returns the names of the threads that ran its tiles. */
    private static Set<String> run(Scheduler engine) {
        Set<String> names = ConcurrentHashMap.newKeySet();
        engine.forEachRange(big(), engine.reference(), N, 1, (s, e) -> {
            names.add(Thread.currentThread().getName());
            spin(s, e);
        });
        return names;
    }

    /**
     * Enough work per tile that a worker gets a chance to join: 150 µs per 8192-element tile in
     * {@code [s, e)} (an elementwise op's threads claim runs of several tiles at once).
     */
    private static void spin(long s, long e) {
        long t = System.nanoTime();
        long nanos = 150_000 * Math.max(1, (e - s) / 8192);
        while (System.nanoTime() - t < nanos) {
            Thread.onSpinWait();
        }
    }

    @Test
    void callsFromInsideAWorkerRunInline() {
        Scheduler engine = Configs.engine(2);
        List<Placement> inner = new CopyOnWriteArrayList<>();
        engine.addPlacementListener(p -> {
            if (p.op().equals("inner")) {
                inner.add(p);
            }
        });
        // A reduction: an elementwise op on one thread would run as one range, not 128 tiles.
        OpRequest innerReq = new OpRequest("inner", OpKind.REDUCTION, DType.FLOAT32, N, 12L * N);
        engine.forEachRange(big(), engine.reference(), N, 1, (s, e) -> {
            Thread outer = Thread.currentThread();
            if (WorkerPool.onWorker()) {
                engine.forEachRange(innerReq, engine.reference(), N, 1, (s2, e2) -> {
                    if (Thread.currentThread() != outer) {
                        throw new AssertionError("nested tile left its worker");
                    }
                });
            }
            spin(s, e);
        });
        assertTrue(!inner.isEmpty(), "no tile ran on a worker");
        for (Placement p : inner) {
            assertEquals(1, p.threads(), p::toString);
            assertEquals(128, p.tiles(), p::toString);
            assertEquals("calling thread: called from a Tessel worker", p.threadReason());
            assertTrue(p.thread().startsWith(engine.pool().namePrefix()), p::toString);
        }
    }

    @Test
    void threadsOneNarrowsTheBlockAndCloseRestores() {
        Scheduler engine = Configs.engine(2);
        assertEquals(2, engine.threadBudget());
        try (ThreadLimit t = engine.limitThreads(1)) {
            assertEquals(1, t.threads());
            assertEquals(Set.of(Thread.currentThread().getName()), run(engine));
            Placement p = engine.lastPlacements().getLast();
            assertEquals(1, p.threads());
            assertEquals("calling thread: thread budget 1", p.threadReason());
            try (ThreadLimit wider = engine.limitThreads(8)) {
                assertEquals(1, wider.threads(), "a limit never widens");
            }
        }
        assertEquals(2, engine.threadBudget());
        run(engine);
        assertEquals(2, engine.lastPlacements().getLast().threads());
    }

    @Test
    void aLimitIsPerThread() throws Exception {
        Scheduler engine = Configs.engine(4);
        try (ThreadLimit t = engine.limitThreads(1)) {
            int[] other = new int[1];
            Thread th = new Thread(() -> other[0] = engine.threadBudget());
            th.start();
            th.join();
            assertEquals(4, other[0]);
        }
    }

    @Test
    void theBudgetChangesAtRunTime() {
        Scheduler engine = Configs.engine(2);
        engine.setThreadBudget(1);
        assertEquals(Set.of(Thread.currentThread().getName()), run(engine));
        assertEquals(1, engine.lastPlacements().getLast().threads());
        engine.setThreadBudget(3);
        run(engine);
        assertEquals(3, engine.lastPlacements().getLast().threads());
        assertTrue(engine.pool().peakWorkers() <= 3);
        assertTrue(engine.describe().contains("thread budget: 3 (set at run time; tessel.cpu.threads = 2)"),
                engine.describe());
    }

    @Test
    void loweringTheBudgetRetiresSurplusWorkers() throws InterruptedException {
        Scheduler engine = Configs.engine(4);
        run(engine);
        assertTrue(engine.pool().liveWorkers() >= 1, "no worker started");
        engine.setThreadBudget(1);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (engine.pool().liveWorkers() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(engine.pool().liveWorkers() <= 1, "live " + engine.pool().liveWorkers());
    }

    @Test
    void anInterruptedCallerFinishesTheOpAndKeepsItsInterrupt() {
        Scheduler engine = Configs.engine(2);
        Thread.currentThread().interrupt();
        try {
            long[] covered = new long[1];
            engine.forEachRange(big(), engine.reference(), N, 1, (s, e) -> {
                spin(s, e);
                synchronized (covered) {
                    covered[0] += e - s;
                }
            });
            assertEquals(N, covered[0]);
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void badBudgetsAreRefusedWithTheValue() {
        Scheduler engine = Configs.engine(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.setThreadBudget(0));
        assertEquals("thread budget must be 1 to 1024, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> engine.limitThreads(2000));
        assertEquals("thread budget must be 1 to 1024, got 2000", e.getMessage());
    }

    @Test
    void aFailingTileFailsTheCallAndThePoolGoesOn() {
        Scheduler engine = Configs.engine(2);
        IllegalStateException boom = new IllegalStateException("tile 5 failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> engine.forEachRange(big(), engine.reference(), N, 1, (s, e) -> {
                    spin(s, e);
                    if (s <= 5 * 8192 && 5 * 8192 < e) {
                        throw boom;
                    }
                }));
        assertSame(boom, thrown);
        assertTrue(run(engine).size() >= 1);
        assertEquals(2, engine.lastPlacements().getLast().threads());
    }

    @Test
    void aDeviceBackendGetsTheWholeRangeInOneCall() {
        Scheduler engine = Configs.engine(2);
        List<long[]> ranges = new CopyOnWriteArrayList<>();
        engine.forEachRange(big(), TestBackend.gpu(), N, 1, (s, e) -> ranges.add(new long[] {s, e}));
        assertEquals(1, ranges.size());
        assertEquals(0, ranges.get(0)[0]);
        assertEquals(N, ranges.get(0)[1]);
        Placement p = engine.lastPlacements().getLast();
        assertEquals("gpu", p.backend());
        assertEquals(1, p.tiles(), p::toString);
        assertEquals("one range: the device backend splits the work itself", p.threadReason());
    }
}
